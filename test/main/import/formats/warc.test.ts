import { gzipSync } from 'node:zlib'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseImportFile } from '../../../../src/main/import/formats'
import { ContainerBuilder } from '../../../../src/main/import/formats/container'
import { readWacz, WACZ_LIMITS } from '../../../../src/main/import/formats/wacz'
import { readWarcRecords } from '../../../../src/main/import/formats/warc-records'
import { CRAWL_PAGES, httpResponse, makeWacz, makeWarc, warcRecord } from '../../../support/import/make-captures'

const file = (name: string, bytes: Uint8Array) => ({ name, bytes, mtime: null })

describe('WARC web archives', () => {
  for (const [name, gzip] of [
    ['crawl.warc', false],
    ['crawl.warc.gz', true]
  ] as const) {
    it(`${name}: every 200 HTML response is an article with its URI, WARC-Date and warcinfo software; the rest is counted`, async () => {
      const records: number[] = []
      const out = await parseImportFile(file(name, makeWarc({ gzip })), (n) => records.push(n))
      expect(out.mediaType).toBe('application/warc')
      expect(out.parts.map((p) => p.result.article.title)).toEqual(CRAWL_PAGES.map((p) => p.title))
      expect(out.parts.map((p) => p.result.article.paragraphs.map((q) => q.text))).toEqual(CRAWL_PAGES.map((p) => p.paragraphs))
      const first = out.parts[0]!
      expect(first.result.article.capture).toEqual({
        tool: 'warc',
        url: CRAWL_PAGES[0]!.url,
        capturedAt: '2021-08-31T14:02:11Z',
        software: 'Webrecorder ArchiveWeb.page 0.11.3',
        member: null,
        offset: expect.any(Number) as number
      })
      expect(first.label).toBe(`${CRAWL_PAGES[0]!.url} (record at byte ${first.result.article.capture!.offset})`)
      expect(out.passedOver).toEqual({ request: 3, redirect: 1, asset: 2, 'non-200 response': 1, revisit: 1 })
      expect(out.failed).toEqual([])
      // Every record was counted for progress: warcinfo, 3 requests, 3 pages and 5 more.
      expect(records.at(-1)).toBe(12)
    })
  }

  it('reports a record offset that points at the record (plain) or its gzip member (gzipped)', async () => {
    const plain = makeWarc()
    const out = await parseImportFile(file('crawl.warc', plain))
    for (const part of out.parts) {
      const at = part.result.article.capture!.offset!
      expect(Buffer.from(plain.subarray(at, at + 9)).toString()).toBe('WARC/1.1\r')
    }
    const gz = makeWarc({ gzip: true })
    for (const part of (await parseImportFile(file('crawl.warc.gz', gz))).parts) {
      const at = part.result.article.capture!.offset!
      expect([gz[at], gz[at + 1]]).toEqual([0x1f, 0x8b])
    }
  })

  it('keeps the articles before a truncated record and names where the damage starts', async () => {
    const whole = makeWarc()
    const cut = whole.subarray(0, whole.length - 300)
    const out = await parseImportFile(file('cut.warc', cut))
    expect(out.parts).toHaveLength(3)
    expect(out.failed).toEqual([
      { label: 'rest of the file', code: 'parse-failed', message: expect.stringMatching(/^cut\.warc: the record at byte \d+ .*truncated/) as string }
    ])
  })

  it('refuses a lying Content-Length with the offset of the record it broke', async () => {
    const text = Buffer.from(makeWarc()).toString('latin1')
    // The warcinfo declares more bytes than it has: the next "record" starts in the middle of one.
    const lying = text.replace(/Content-Length: (\d+)/, (_, n: string) => `Content-Length: ${Number(n) + 40}`)
    await expect(parseImportFile(file('lying.warc', Buffer.from(lying, 'latin1')))).rejects.toMatchObject({
      code: 'parse-failed',
      message: expect.stringMatching(/^lying\.warc: the record at byte \d+ does not start with "WARC\/"/) as string
    })
  })

  it('refuses a gzip member that inflates past its limit (a gzip bomb) within the limit, and a damaged member', () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024))
    let visited = 0
    expect(() => readWarcRecords(bomb, 'bomb.warc.gz', () => visited++, { maxMemberBytes: 1024 * 1024, maxInflatedBytes: 4 * 1024 * 1024 })).toThrow(
      expect.objectContaining({ code: 'too-large', message: expect.stringContaining('bomb.warc.gz: the gzip member at byte 0 inflates to more than 1048576 bytes') as string })
    )
    expect(visited).toBe(0)
    const gz = makeWarc({ gzip: true })
    const damaged = Buffer.from(gz)
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 6) ^ 0xff, damaged.length - 6) // the last member’s checksum
    expect(() => readWarcRecords(damaged, 'd.warc.gz', () => undefined)).toThrow(expect.objectContaining({ code: 'parse-failed' }))
  })

  it('counts many members against the whole-file budget', () => {
    const member = gzipSync(Buffer.from(`WARC/1.1\r\nWARC-Type: metadata\r\nContent-Length: 1000000\r\n\r\n${'x'.repeat(1_000_000)}\r\n\r\n`))
    const many = Buffer.concat(Array.from({ length: 10 }, () => member))
    expect(() => readWarcRecords(many, 'many.warc.gz', () => undefined, { maxMemberBytes: 2_000_000, maxInflatedBytes: 5_000_000 })).toThrow(
      expect.objectContaining({ code: 'too-large', message: expect.stringContaining('many.warc.gz inflates to more than 5000000 bytes') as string })
    )
  })

  it('fails a file that is not a WARC, and one with no page, with coded errors naming it', async () => {
    await expect(parseImportFile(file('x.warc', Buffer.from('hello world, not an archive')))).rejects.toMatchObject({ code: 'parse-failed' })
    const onlyAssets = makeWarc({ pages: [] }).subarray(0)
    // Without pages the redirect and revisit point nowhere, but they are still only counted.
    await expect(parseImportFile(file('assets.warc', onlyAssets))).rejects.toMatchObject({
      code: 'empty',
      message: expect.stringMatching(/^assets\.warc holds no article \(passed over: .*2 asset/) as string
    })
  })
})

describe('WACZ web archives', () => {
  it('reads the WARC inside and lets pages.jsonl decide which pages are articles', async () => {
    const out = await parseImportFile(file('crawl.wacz', makeWacz({ listed: CRAWL_PAGES.slice(0, 2) })))
    expect(out.mediaType).toBe('application/wacz')
    expect(out.parts.map((p) => p.result.article.title)).toEqual(CRAWL_PAGES.slice(0, 2).map((p) => p.title))
    expect(out.passedOver['unlisted page']).toBe(1)
    expect(out.parts[1]!.result.article.capture).toMatchObject({
      tool: 'wacz',
      url: CRAWL_PAGES[1]!.url,
      capturedAt: '2021-08-31T14:03:40Z',
      member: 'archive/data.warc.gz'
    })
    expect(out.parts[1]!.label).toMatch(/^archive\/data\.warc\.gz › https:\/\/courier\.example\/news\/ferry-timetable \(record at byte \d+\)$/)
  })

  it('refuses a WACZ whose WARC is a deflate bomb, by the bytes inflated, within one step of the limit', () => {
    const bomb = zipSync({ 'archive/data.warc': [new Uint8Array(32 * 1024 * 1024), { level: 1 }] })
    expect(bomb.length).toBeLessThan(256 * 1024)
    const builder = new ContainerBuilder('bomb.wacz', undefined)
    const limits = { ...WACZ_LIMITS, maxInflatedBytes: 4 * 1024 * 1024 }
    expect(() => readWacz(bomb, 'bomb.wacz', builder, limits)).toThrow(
      expect.objectContaining({ code: 'too-large', message: expect.stringContaining('bomb.wacz unpacks to more than 4194304 bytes (the limit for a web archive (WACZ))') as string })
    )
  })

  it('refuses a ZIP without WARCs as no WACZ', async () => {
    await expect(parseImportFile(file('notes.wacz', zipSync({ 'notes.txt': strToU8('hello') })))).rejects.toMatchObject({ code: 'empty' })
  })
})

describe('a WARC page without a title', () => {
  it('is titled by its address, not by the archive file name', async () => {
    const url = 'https://courier.example/news/untitled-note'
    const body = '<html><body><article><p>The harbour office will be closed on Friday afternoon for the annual staff outing to the islands.</p></article></body></html>'
    const warc = Buffer.concat([
      warcRecord({
        type: 'response',
        headers: { 'WARC-Date': '2021-08-31T14:02:11Z', 'WARC-Target-URI': url, 'Content-Type': 'application/http; msgtype=response' },
        block: httpResponse(200, { 'Content-Type': 'text/html' }, body)
      })
    ])
    const out = await parseImportFile(file('notes.warc', warc))
    expect(out.parts[0]!.result.article.title).toBe(url)
  })
})
