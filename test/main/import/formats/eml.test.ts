import { describe, expect, it } from 'vitest'
import { parseSourceFile } from '../../../../src/main/import/formats'

const mail = (headers: string, body: string): Uint8Array => new TextEncoder().encode(`${headers}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${body}`)

describe('.eml import', () => {
  it('drops reply, forward and list markers from the subject', async () => {
    const bytes = mail('From: a@example.test\r\nSubject: Fwd: [press-list] RE: Port reopens after strike\r\nDate: Tue, 2 Nov 2021 08:00:00 +0000', 'The port reopened on Tuesday.')
    const { article } = await parseSourceFile({ name: 'f.eml', bytes, mtime: null })
    expect(article.title).toBe('Port reopens after strike')
    expect(article.byline).toBe('a@example.test')
  })

  it('keeps the calendar date the sender wrote, not the UTC one', async () => {
    const bytes = mail('From: Desk <d@example.test>\r\nSubject: Late news\r\nDate: Sun, 31 Oct 2021 23:45:00 -0400', 'Something happened late on Sunday.')
    const { article } = await parseSourceFile({ name: 'late.eml', bytes, mtime: null })
    expect(article.published).toEqual({ edtf: '2021-10-31', precision: 'day', provenance: 'meta' })
  })

  it('cuts the signature', async () => {
    const bytes = mail('From: d@example.test\r\nSubject: Note\r\nDate: Tue, 2 Nov 2021 08:00:00 +0000', 'The body of the note.\r\n\r\n-- \r\nDesk\r\nPhone 123')
    const { article } = await parseSourceFile({ name: 'sig.eml', bytes, mtime: null })
    expect(article.paragraphs.map((p) => p.text)).toEqual(['The body of the note.'])
  })

  it('refuses a message with headers but no body', async () => {
    const bytes = mail('From: d@example.test\r\nSubject: Empty\r\nDate: Tue, 2 Nov 2021 08:00:00 +0000', '')
    await expect(parseSourceFile({ name: 'empty.eml', bytes, mtime: null })).rejects.toMatchObject({ code: 'empty', message: 'empty.eml has no message body' })
  })
})
