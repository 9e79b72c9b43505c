import { describe, expect, it } from 'vitest'
import { parseSourceFile } from '../../../../src/main/import/formats'
import { MAX_PARAGRAPHS } from '../../../../src/main/import/formats/text'

const file = (name: string, text: string) => ({ name, bytes: Buffer.from(text), mtime: null })

describe('paragraphs one article may have', () => {
  it('refuses a text of two million tiny paragraphs on its count, before splitting it', async () => {
    await expect(parseSourceFile(file('tiny.txt', `Headline\n\n${'a\n\n'.repeat(2_000_000)}`))).rejects.toMatchObject({
      code: 'too-large',
      message: `tiny.txt has more than ${MAX_PARAGRAPHS} paragraphs; an article may have at most ${MAX_PARAGRAPHS} (split the document)`
    })
  })

  it('refuses one paragraph per line past the limit too, and reads a long ordinary text', async () => {
    const lines = `Headline\n${'A line of its own.\n'.repeat(MAX_PARAGRAPHS + 10)}`
    await expect(parseSourceFile(file('lines.txt', lines))).rejects.toMatchObject({ code: 'too-large' })
    const ordinary = `Headline\n\n${'An ordinary paragraph of a long report, with a few words in it.\n\n'.repeat(5_000)}`
    expect((await parseSourceFile(file('report.txt', ordinary))).article.paragraphs.length).toBeGreaterThan(1_000)
  })
})
