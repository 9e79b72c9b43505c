import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IMPORT_FAILURE_CODES } from '../../../../src/shared/types'
import { ImportError } from '../../../../src/main/import/errors'
import { parseSourceFile } from '../../../../src/main/import/formats'
import { makeDocx } from '../../../support/import/make-docx'
import { makePdf } from '../../../support/import/make-pdf'

const EXTENSIONS = ['.txt', '.md', '.eml', '.pdf', '.docx', '.unknown']

/** Parses and checks the contract: an article with non-empty paragraphs, or an ImportError naming the file. */
async function checkContract(name: string, bytes: Uint8Array): Promise<void> {
  try {
    const { article } = await parseSourceFile({ name, bytes, mtime: new Date('2024-06-01T00:00:00Z') })
    expect(article.paragraphs.length).toBeGreaterThan(0)
    for (const p of article.paragraphs) {
      expect(p.text.length).toBeGreaterThan(0)
      // Paragraph offsets in the archive assume trimmed paragraphs joined by one blank line.
      expect(p.text).toBe(p.text.trim())
      expect(p.text).not.toContain('\n\n')
    }
    expect(article.title.length).toBeLessThanOrEqual(500)
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError)
    expect(IMPORT_FAILURE_CODES).toContain((err as ImportError).code)
    expect((err as Error).message).toContain(name)
  }
}

describe('parseSourceFile never fails outside its contract', () => {
  it('on arbitrary bytes under every extension', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(...EXTENSIONS), async (bytes, ext) => {
        await checkContract(`fuzz${ext}`, bytes)
      }),
      { numRuns: 300 }
    )
  })

  it('on Markdown made of markup characters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('#', '-', '*', '`', '```', '>', '[', ']', '(', ')', '!', '|', '\n', '\n\n', ' ', 'word', '---', '<b>', '1.'), { maxLength: 60 }), async (parts) => {
        await checkContract('markup.md', new TextEncoder().encode(parts.join('')))
      }),
      { numRuns: 300 }
    )
  })

  it('on arbitrary Unicode text as .txt, .md and .eml', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.constantFrom('.txt', '.md', '.eml'), async (text, ext) => {
        await checkContract(`text${ext}`, new TextEncoder().encode(text))
      }),
      { numRuns: 300 }
    )
  })

  it('on PDFs and Word documents with damaged bytes', async () => {
    const pdf = makePdf([{ lines: ['Headline', 'A paragraph of text on the page.'], gapsBefore: [1] }])
    const docx = makeDocx(['Headline', 'A paragraph of text in the document.'])
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(['damaged.pdf', pdf] as const, ['damaged.docx', docx] as const),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async ([name, original], edits) => {
          const bytes = new Uint8Array(original)
          for (const [at, value] of edits) bytes[at % bytes.length] = value
          await checkContract(name, bytes)
        }
      ),
      { numRuns: 150 }
    )
  })
})
