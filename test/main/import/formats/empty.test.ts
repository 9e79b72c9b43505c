import { describe, expect, it } from 'vitest'
import { parseSourceFile } from '../../../../src/main/import/formats'

const parse = (name: string, text: string): Promise<unknown> =>
  parseSourceFile({ name, bytes: new TextEncoder().encode(text), mtime: new Date('2024-06-01T00:00:00Z') })

describe('files without article text', () => {
  it('refuses a file of whitespace, naming it', async () => {
    await expect(parse('blank.txt', ' \n\n\t \r\n')).rejects.toMatchObject({ code: 'empty', message: 'blank.txt has no text' })
  })

  it('refuses a file holding only page furniture, saying which', async () => {
    await expect(parse('furniture.txt', 'Back to top\n\nLeave a Reply\n\nShare')).rejects.toMatchObject({
      code: 'empty',
      message: 'furniture.txt has no article text, only page furniture (back-to-top, comment-form, share)'
    })
  })

  it('keeps a one-line note as title and text', async () => {
    await expect(parse('note.txt', 'Ministry confirms the meeting took place.')).resolves.toMatchObject({
      article: { title: 'Ministry confirms the meeting took place.', paragraphs: [{ text: 'Ministry confirms the meeting took place.', page: null }] }
    })
  })
})
