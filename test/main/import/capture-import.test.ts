import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { runImport } from '../../../src/main/import/pipeline'
import { tempArchive, tempDir } from '../../support/tmp'
import { CAPTURE_STORY, CRAWL_PAGES, makeMbox, makeMhtml, makeSingleFile, makeWacz, makeWarc } from '../../support/import/make-captures'

/** A test parser whose containers report records slowly or stall (see the fixture). */
const RECORDS_PARSER = resolve(__dirname, '../../fixtures/import/parsers/records.ts')

describe('captures through the import pipeline', () => {
  it('stores every article of web archives and mailboxes with its provenance, names each in the report, and counts the rest', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeFileSync(join(dir, 'crawl.warc.gz'), makeWarc({ gzip: true }))
    writeFileSync(join(dir, 'press.mbox'), makeMbox())
    writeFileSync(join(dir, 'quay.mhtml'), makeMhtml({ url: 'https://courier.example/q', date: 'Tue, 31 Aug 2021 14:02:11 -0000', title: 'Quay', paragraphs: CAPTURE_STORY.slice(0, 2) }))
    writeFileSync(
      join(dir, 'saved.html'),
      makeSingleFile({ url: 'https://courier.example/s', savedDate: 'Wed Sep 01 2021 10:00:00 GMT+0000 (Coordinated Universal Time)', title: 'Saved', paragraphs: [CAPTURE_STORY[2]!] })
    )
    const report = await runImport(archive, [{ kind: 'path', path: dir }], { workers: 1 })
    expect(report.failed).toEqual([])
    const rel = (path: string): string => path.slice(dir.length + 1)
    const added = report.added.map((a) => rel(a.path))
    expect(added.filter((p) => p.startsWith('crawl.warc.gz › '))).toHaveLength(3)
    expect(added.filter((p) => p.startsWith('press.mbox › '))).toHaveLength(5)
    expect(added).toContain('quay.mhtml')
    expect(added).toContain('saved.html')
    expect(report.passedOver.map((p) => ({ path: rel(p.path), counts: p.counts }))).toEqual([
      { path: 'crawl.warc.gz', counts: { request: 3, redirect: 1, asset: 2, 'non-200 response': 1, revisit: 1 } },
      { path: 'press.mbox', counts: { 'unimportable attachment': 1 } }
    ])

    const byLabel = (start: string) => getArticle(archive.db, report.added.find((a) => rel(a.path).startsWith(start))!.id)
    const page = byLabel(`crawl.warc.gz › ${CRAWL_PAGES[1]!.url}`)
    expect(page.title).toBe(CRAWL_PAGES[1]!.title)
    expect(page.url).toBe(CRAWL_PAGES[1]!.url)
    expect(page.capture).toMatchObject({ tool: 'warc', url: CRAWL_PAGES[1]!.url, capturedAt: '2021-08-31T14:03:40Z', software: 'Webrecorder ArchiveWeb.page 0.11.3' })
    expect(page.file).toMatchObject({ name: 'crawl.warc.gz', mediaType: 'application/warc' })
    const message = byLabel('press.mbox › message 1 ')
    const attachment = byLabel('press.mbox › message 1 at byte 0 › works-plan.pdf')
    expect(attachment.attachedTo).toBe(message.id)
    expect(message.capture).toMatchObject({ tool: 'mbox', offset: 0 })
    expect(archive.db.prepare('SELECT message_id, in_reply_to FROM article_messages ORDER BY article_id').all()).toEqual([
      { message_id: 'release-1@harbour.example', in_reply_to: null },
      { message_id: 'reply-1@courier.example', in_reply_to: 'release-1@harbour.example' },
      { message_id: 'reply-2@harbour.example', in_reply_to: 'reply-1@courier.example' }
    ])
    expect(byLabel('quay.mhtml').capture).toMatchObject({ tool: 'mhtml', url: 'https://courier.example/q', capturedAt: '2021-08-31T14:02:11Z' })
    expect(byLabel('saved.html').capture).toMatchObject({ tool: 'singlefile', url: 'https://courier.example/s', capturedAt: '2021-09-01T10:00:00Z' })

    // The same files again are duplicates by their bytes, one line per file.
    const again = await runImport(archive, [{ kind: 'path', path: dir }], { workers: 1 })
    expect(again.added).toEqual([])
    expect(again.duplicates.map((d) => rel(d.path)).sort()).toEqual(['crawl.warc.gz', 'press.mbox', 'quay.mhtml', 'saved.html'])
  })

  it('imports a WACZ by its page list, and a WARC whose pages are already stored as text duplicates', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeFileSync(join(dir, 'crawl.wacz'), makeWacz({ listed: CRAWL_PAGES.slice(0, 1) }))
    writeFileSync(join(dir, 'crawl.warc'), makeWarc())
    const report = await runImport(archive, [{ kind: 'path', path: join(dir, 'crawl.wacz') }, { kind: 'path', path: join(dir, 'crawl.warc') }], { workers: 1 })
    expect(report.added.map((a) => a.title)).toEqual([CRAWL_PAGES[0]!.title, CRAWL_PAGES[1]!.title, CRAWL_PAGES[2]!.title])
    expect(report.duplicates).toEqual([{ path: expect.stringContaining(`crawl.warc › ${CRAWL_PAGES[0]!.url} (record at byte`) as string, duplicateOf: report.added[0]!.id, reason: 'text' }])
    expect(getArticle(archive.db, report.added[0]!.id).capture).toMatchObject({ tool: 'wacz', member: 'archive/data.warc.gz' })
  })
})

describe('the time limit of a container', () => {
  it('restarts with each record read, so a long crawl imports while a record that hangs still times out', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeFileSync(join(dir, 'a-ticks.warc'), makeWarc())
    writeFileSync(join(dir, 'b-stall.warc'), makeWarc({ pages: CRAWL_PAGES.slice(0, 1) }))
    const progress: string[] = []
    const report = await runImport(archive, [{ kind: 'path', path: dir }], {
      workers: 1,
      timeoutMs: 1500,
      parserModule: RECORDS_PARSER,
      onProgress: (p) => progress.push(p.current ?? ''),
      progressIntervalMs: 0
    })
    // Three seconds in all, never more than a third of one without a record: imported.
    expect(report.added.map((a) => a.title)).toEqual(CRAWL_PAGES.map((p) => p.title))
    expect(progress.some((c) => c.endsWith('a-ticks.warc (record 5)'))).toBe(true)
    expect(report.failed).toEqual([{ path: join(dir, 'b-stall.warc'), code: 'timeout', message: expect.stringContaining('b-stall.warc took longer than 1.5 s') as string }])
  })
})
