import { describe, expect, it } from 'vitest'
import { parseSourceFile } from '../../../../src/main/import/formats'
import { parseMhtml } from '../../../../src/main/import/formats/mhtml'
import { decodeQuotedPrintable } from '../../../../src/main/import/formats/mime'
import { CAPTURE_STORY, makeMhtml, makeSingleFile } from '../../../support/import/make-captures'

const URL = 'https://courier.example/news/quay-closed'

describe('MHTML saved pages', () => {
  it('reads the page part of a Chrome MHTML with its address and capture time as provenance', async () => {
    const bytes = makeMhtml({ url: URL, date: 'Tue, 31 Aug 2021 14:02:11 -0000', title: 'Northern quay closes for the winter', paragraphs: CAPTURE_STORY })
    const { mediaType, article } = await parseSourceFile({ name: 'quay.mhtml', bytes, mtime: null })
    expect(mediaType).toBe('multipart/related')
    expect(article.title).toBe('Northern quay closes for the winter')
    expect(article.outlet).toBe('The Harbour Courier')
    // Quoted-printable undone: curly quotes and the apostrophe are whole UTF-8 again.
    expect(article.paragraphs.map((p) => p.text)).toEqual(CAPTURE_STORY)
    expect(article.url).toBe(URL)
    expect(article.capture).toEqual({ tool: 'mhtml', url: URL, capturedAt: '2021-08-31T14:02:11Z', software: 'Saved by Blink', member: null, offset: null })
  })

  it('reads .mht too, and refuses a file without MIME headers or without a page', async () => {
    const bytes = makeMhtml({ url: URL, date: 'Tue, 31 Aug 2021 14:02:11 +0200', title: 'Quay', paragraphs: CAPTURE_STORY })
    const { article } = await parseSourceFile({ name: 'quay.mht', bytes, mtime: null })
    expect(article.capture?.capturedAt).toBe('2021-08-31T12:02:11Z')
    await expect(parseSourceFile({ name: 'plain.mhtml', bytes: Buffer.from('just some words\nand more'), mtime: null })).rejects.toMatchObject({
      code: 'parse-failed',
      message: expect.stringContaining('plain.mhtml') as string
    })
    const noPage = Buffer.from(Buffer.from(bytes).toString('latin1').replace('Content-Type: text/html\r\n', 'Content-Type: text/css\r\n'), 'latin1')
    expect(() => parseMhtml(noPage, 'nopage.mhtml')).toThrow(expect.objectContaining({ code: 'empty' }))
  })

  it('decodes quoted-printable soft breaks and escapes, keeping a stray "=" as written', () => {
    expect(Buffer.from(decodeQuotedPrintable(Buffer.from('caf=C3=A9 au=\r\n lait=\n = 3'))).toString('utf8')).toBe('café au lait = 3')
  })

  it('respects the part charset', () => {
    const latin = Buffer.from(
      [
        'Snapshot-Content-Location: https://x.example/a',
        'Date: Tue, 31 Aug 2021 14:02:11 -0000',
        'Content-Type: multipart/related; boundary="b"',
        '',
        '--b',
        'Content-Type: text/html; charset=iso-8859-1',
        'Content-Location: https://x.example/a',
        '',
        '<html><head><title>Caf\xe9 r\xe9ouvert</title></head><body><article><h1>Caf\xe9 r\xe9ouvert</h1><p>Le caf\xe9 du port a rouvert ses portes ce matin apr\xe8s trois mois de travaux de r\xe9novation.</p></article></body></html>',
        '--b--'
      ].join('\r\n'),
      'latin1'
    )
    const article = parseMhtml(latin, 'latin.mhtml')
    expect(article.title).toBe('Café réouvert')
    expect(article.paragraphs[0]!.text).toContain('après trois mois')
  })
})

describe('SingleFile pages', () => {
  it('read the address and save date SingleFile wrote as capture provenance', async () => {
    const html = makeSingleFile({
      url: URL,
      savedDate: 'Tue Aug 31 2021 16:02:11 GMT+0200 (Central European Summer Time)',
      title: 'Northern quay closes for the winter',
      paragraphs: CAPTURE_STORY
    })
    const { article } = await parseSourceFile({ name: 'quay.html', bytes: Buffer.from(html), mtime: null })
    expect(article.url).toBe(URL)
    expect(article.capture).toEqual({ tool: 'singlefile', url: URL, capturedAt: '2021-08-31T14:02:11Z', software: 'SingleFile', member: null, offset: null })
  })

  it('leave an ordinary page without capture provenance', async () => {
    const html = makeSingleFile({ url: URL, savedDate: 'x', title: 'Quay', paragraphs: CAPTURE_STORY }).replace(/<!--[\s\S]*?-->/, '')
    const { article } = await parseSourceFile({ name: 'quay.html', bytes: Buffer.from(html), mtime: null })
    expect(article.capture).toBeNull()
  })
})
