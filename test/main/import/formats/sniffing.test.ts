import { describe, expect, it } from 'vitest'
import { ImportError } from '../../../../src/main/import/errors'
import { parseSourceFile, type FormatResult } from '../../../../src/main/import/formats'
import { makeDocx } from '../../../support/import/make-docx'
import { makePdf } from '../../../support/import/make-pdf'

const parse = (name: string, bytes: Uint8Array | string): Promise<FormatResult> =>
  parseSourceFile({ name, bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, mtime: null })

async function refusal(name: string, bytes: Uint8Array | string): Promise<ImportError> {
  try {
    await parse(name, bytes)
  } catch (err) {
    if (err instanceof ImportError) return err
    throw err
  }
  throw new Error(`expected ${name} to be refused`)
}

/** A small PNG-like file: the signature, then binary chunk bytes (enough to fool a lenient decoder). */
function png(): Uint8Array {
  const bytes = new Uint8Array(2048)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  for (let i = 8; i < bytes.length; i++) bytes[i] = 32 + ((i * 37) % 90)
  return bytes
}

const story = '<p>The river rose by two metres overnight, flooding the lower town and closing the old bridge for the week, officials said.</p>'

describe('content sniffing decides the format when the extension lies', () => {
  it('refuses an image named .html, .htm, .txt or .md with what it is', async () => {
    for (const [name, what] of [
      ['photo.html', 'a web page'],
      ['photo.htm', 'a web page'],
      ['photo.txt', 'a text file'],
      ['photo.md', 'a Markdown file']
    ] as const) {
      const err = await refusal(name, png())
      expect(err.code).toBe('unsupported-type')
      expect(err.message).toBe(`${name} is a PNG image, not ${what}`)
    }
    expect((await refusal('clip.eml', new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0]))).message).toBe('clip.eml is a GIF image, not an e-mail message')
    expect((await refusal('tool.html', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).message).toBe('tool.html is an ELF executable, not a web page')
  })

  it('reads a PDF or a Word document by its content whatever it is called', async () => {
    const pdf = await parse('report.txt', makePdf([{ lines: ['Flood report', 'The river rose by two metres overnight.'] }]))
    expect(pdf.mediaType).toBe('application/pdf')
    expect(pdf.article.paragraphs.map((p) => p.text).join(' ')).toContain('The river rose by two metres overnight.')
    const docx = await parse('story.html', makeDocx(['Flood report', 'The river rose by two metres overnight, officials said.']))
    expect(docx.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect((await refusal('photo.pdf', png())).message).toBe('photo.pdf is a PNG image, not a PDF document')
  })

  it('reads text with a tar magic word at its offset, and refuses a POSIX or GNU tar archive', async () => {
    const text = `${'The harvest festival opened on Saturday. '.repeat(7).slice(0, 255)} mustard seed growers came from three provinces.`
    expect(text.slice(257, 262)).toBe('ustar')
    expect((await parse('fair.txt', text)).article.paragraphs[0]!.text).toContain('mustard seed growers')
    for (const magic of ['ustar\u000000', 'ustar  \u0000']) {
      const tar = new Uint8Array(1024)
      tar.set(new TextEncoder().encode('notes.txt'))
      tar.set(new TextEncoder().encode(magic), 257)
      expect((await refusal('notes.txt', tar)).message).toBe('notes.txt is a tar archive, not a text file')
    }
  })

  it('still reads text that merely begins like a two-letter signature', async () => {
    const result = await parse('bm.txt', 'BM headline\n\nBM is how the report abbreviates the bridge maintenance office.')
    expect(result.mediaType).toBe('text/plain')
  })
})

describe('frameset pages', () => {
  it('import the text of their <noframes> fallback', async () => {
    const page = `<html><head><title>Flood</title></head><frameset cols="50%,50%"><frame src="menu.html"><noframes>${story.repeat(3)}</noframes></frameset></html>`
    const result = await parse('frames.html', page)
    expect(result.article.paragraphs).toHaveLength(3)
    expect(result.article.title).toBe('Flood')
  })

  it('without text of their own fail as empty, naming the frames to import instead', async () => {
    const err = await refusal('frames.html', '<html><head><title>F</title></head><frameset cols="50%,50%"><frame src="menu.html"><frame src="story.html"></frameset></html>')
    expect(err.code).toBe('empty')
    expect(err.message).toBe('frames.html is a frameset page without text of its own: its text is in the files its frames show (menu.html, story.html); import those instead')
  })
})
