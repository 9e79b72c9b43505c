import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { getArticle, listArticles } from '../../../src/main/archive/repo/articles'
import { runImport } from '../../../src/main/import/pipeline'
import type { ImportProgress } from '../../../src/shared/types'
import { tempArchive, tempDir } from '../../support/tmp'
import { MISBEHAVING_PARSER, writeArticle } from './support'
import { FINGERPRINT_ROWS } from '../../support/fingerprints'

function counts(db: ReturnType<typeof tempArchive>['db']): Record<string, number> {
  const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n
  return {
    files: n('SELECT count(*) AS n FROM files'),
    articles: n('SELECT count(*) AS n FROM articles'),
    paragraphs: n('SELECT count(*) AS n FROM paragraphs'),
    fts: n('SELECT count(*) AS n FROM search_fts_docsize'),
    fingerprints: n(`SELECT count(*) AS n FROM ${FINGERPRINT_ROWS}`)
  }
}

// Parse workers run at a lower priority: on a machine busy with other suites they get a sliver of
// a core, and a test that parses a few files can take many times its usual second or two. The
// time limits count CPU time, so they hold; only the test's own patience has to stretch.
describe('runImport behaviour', { timeout: 90_000 }, () => {
  it('sends throttled progress with one batch id, starting at 0 and always ending at the total', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    for (let i = 0; i < 12; i++) writeArticle(dir, `f${String(i).padStart(2, '0')}.txt`, `Story number ${i}`)
    const events: ImportProgress[] = []
    const report = await runImport(archive, [{ kind: 'path', path: dir }], {
      onProgress: (p) => events.push(p),
      progressIntervalMs: 60_000
    })
    expect(report.added).toHaveLength(12)
    expect(events.map((e) => e.done)).toEqual([0, 12])
    expect(new Set(events.map((e) => e.batchId))).toEqual(new Set([report.batchId]))
    expect(events.at(-1)).toMatchObject({ done: 12, total: 12, current: join(dir, 'f11.txt') })

    const every: ImportProgress[] = []
    await runImport(archive, [{ kind: 'path', path: tempDir() }], { onProgress: (p) => every.push(p) })
    expect(every).toEqual([{ batchId: every[0]!.batchId, done: 0, total: 0, current: null }])
  })

  it('reads the database through a memory map with a larger cache and rarer checkpoints while it runs, and gives the connection its settings back', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    for (let i = 0; i < 3; i++) writeArticle(dir, `f${i}.txt`, `Story number ${i}`)
    const settings = (): number[] => ['mmap_size', 'cache_size', 'wal_autocheckpoint'].map((p) => archive.db.pragma(p, { simple: true }) as number)
    const before = settings()
    const during: number[][] = []
    await runImport(archive, [{ kind: 'path', path: dir }], { onProgress: (p) => p.done > 0 && during.push(settings()), progressIntervalMs: 0 })
    expect(during.length).toBeGreaterThan(0)
    for (const [mmap, cache, checkpoint] of during) {
      expect(mmap).toBeGreaterThan(1e9)
      expect(cache).toBe(-65536)
      expect(checkpoint).toBe(65_536)
    }
    expect(settings()).toEqual(before)
  })

  it('stores in input order whatever the worker timing', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeArticle(dir, 'a-slow.txt', 'Alpha story')
    writeArticle(dir, 'b.txt', 'Bravo story')
    writeArticle(dir, 'c.txt', 'Charlie story')
    const report = await runImport(archive, [{ kind: 'path', path: dir }], { parserModule: MISBEHAVING_PARSER, workers: 2 })
    expect(report.added.map((a) => [a.id, a.title])).toEqual([
      [1, 'Alpha story'],
      [2, 'Bravo story'],
      [3, 'Charlie story']
    ])
  })

  it('cancels between files, keeps what was stored, and a re-run adds exactly the rest', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    // Slow files: a transaction takes only those parsed while the first waits (COMMIT_GATHER_MS),
    // so some are always left to cancel.
    const files = 40
    for (let i = 0; i < files; i++) writeArticle(dir, `n${String(i).padStart(2, '0')}-slow.txt`, `Slow story ${i}`)
    const controller = new AbortController()
    const report = await runImport(archive, [{ kind: 'path', path: dir }], {
      parserModule: MISBEHAVING_PARSER,
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.done === 2) controller.abort()
      }
    })
    expect(report.cancelled).toBe(true)
    // The cancel lands between transactions: files parsed in time share the second file's.
    const stored = report.added.length
    expect(stored).toBeGreaterThanOrEqual(2)
    expect(stored).toBeLessThan(files)
    const c = counts(archive.db)
    expect(c.articles).toBe(stored)
    expect(c.articles).toBe(c.fts)

    const rest = await runImport(archive, [{ kind: 'path', path: dir }], { parserModule: MISBEHAVING_PARSER })
    expect(rest.cancelled).toBe(false)
    expect(rest.added).toHaveLength(files - stored)
    expect(rest.duplicates).toHaveLength(stored)
    expect(listArticles(archive.db, {}).total).toBe(files)
  })

  it('stops cleanly when the archive is closed under a running import', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    // More files than one transaction takes, so some are always left when the archive closes.
    for (let i = 0; i < 40; i++) writeArticle(dir, `c${String(i).padStart(2, '0')}-slow.txt`, `Closing story ${i}`)
    const report = await runImport(archive, [{ kind: 'path', path: dir }], {
      parserModule: MISBEHAVING_PARSER,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.done === 1) archive.close()
      }
    })
    expect(report).toMatchObject({ cancelled: true, failed: [] })
    // Files already parsed when the first was stored may share its transaction: what the report
    // calls added is exactly what the archive holds, and the batch stopped short.
    expect(report.added.length).toBeGreaterThanOrEqual(1)
    expect(report.added.length).toBeLessThan(40)
    const reopened = openArchive(archive.dir)
    try {
      expect(reopened.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all()).toEqual(report.added.map((a) => a.id))
    } finally {
      reopened.close()
    }
  })

  it('terminates a worker stuck past the time limit, fails that file with timeout, and carries on', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeArticle(dir, 'a.txt', 'Before the hang')
    writeArticle(dir, 'b-hang.txt', 'Never parsed')
    writeArticle(dir, 'c.txt', 'After the hang')
    writeArticle(dir, 'd-crash.txt', 'Takes the worker down')
    writeArticle(dir, 'e.txt', 'After the crash')
    const report = await runImport(archive, [{ kind: 'path', path: dir }], {
      parserModule: MISBEHAVING_PARSER,
      workers: 1,
      timeoutMs: 1500
    })
    expect(report.added.map((a) => a.title)).toEqual(['Before the hang', 'After the hang', 'After the crash'])
    expect(report.failed).toEqual([
      {
        path: join(dir, 'b-hang.txt'),
        code: 'timeout',
        message: 'b-hang.txt took longer than 1.5 s to parse and was abandoned'
      },
      expect.objectContaining({ path: join(dir, 'd-crash.txt'), code: 'parse-failed' })
    ])
    expect(report.failed[1]!.message).toContain('d-crash.txt')
  })

  // The limit counts the worker's CPU time, so a loaded machine does not abandon files that parse
  // in time; a worker waiting on nothing still meets the wall-clock backstop of four times it.
  it.runIf(process.platform === 'linux')('counts CPU time against the limit: a file that waits longer than it is kept, one that waits for ever is abandoned at the backstop', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeArticle(dir, 'a-idle.txt', 'Waited without working')
    writeArticle(dir, 'b-stall.txt', 'Waits for ever')
    writeArticle(dir, 'c.txt', 'After the stall')
    const started = performance.now()
    const report = await runImport(archive, [{ kind: 'path', path: dir }], {
      parserModule: MISBEHAVING_PARSER,
      workers: 1,
      timeoutMs: 1000
    })
    expect(report.added.map((a) => a.title)).toEqual(['Waited without working', 'After the stall'])
    expect(report.failed).toEqual([
      { path: join(dir, 'b-stall.txt'), code: 'timeout', message: 'b-stall.txt took longer than 1 s to parse and was abandoned' }
    ])
    // Two seconds of waiting, then the backstop's four: never fewer than six.
    expect(performance.now() - started).toBeGreaterThanOrEqual(6000)
  })

  it('reports pages read by OCR and gives each page the full time limit, so a long scan that keeps turning pages is not abandoned', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeArticle(dir, 'scan-pages.txt', 'Read page by page')
    const events: ImportProgress[] = []
    const report = await runImport(archive, [{ kind: 'path', path: dir }], {
      parserModule: MISBEHAVING_PARSER,
      workers: 1,
      // Five pages of 500 ms: 2.5 s in all, each page well inside the limit even on a busy machine.
      timeoutMs: 2000,
      progressIntervalMs: 0,
      onProgress: (p) => events.push(p)
    })
    expect(report.failed).toEqual([])
    expect(report.added.map((a) => a.title)).toEqual(['Read page by page'])
    expect(events.filter((e) => e.pages).map((e) => [e.current, e.pages])).toEqual(
      [1, 2, 3, 4, 5].map((done) => [join(dir, 'scan-pages.txt'), { done, total: 5 }])
    )
  })

  // The heap limit catches JavaScript objects; the resident ceiling (read from /proc) catches
  // buffers and native memory, which the heap limit never sees.
  it.each([
    { file: 'a-hog.txt', limit: { workerHeapMb: 64 }, message: 'a-hog.txt needs more than 64 MB to parse and was abandoned', linuxOnly: false },
    { file: 'a-bloat.txt', limit: { workerRssMb: 200 }, message: 'a-bloat.txt needs more than 200 MB of memory to parse and was abandoned', linuxOnly: true }
  ])('abandons $file past its memory limit and goes on with a fresh worker', async ({ file, limit, message, linuxOnly }) => {
    if (linuxOnly && process.platform !== 'linux') return
    const archive = tempArchive()
    const dir = tempDir()
    writeArticle(dir, file, 'Needs all the memory')
    writeArticle(dir, 'b.txt', 'Parsed afterwards')
    const report = await runImport(archive, [{ kind: 'path', path: dir }], { parserModule: MISBEHAVING_PARSER, workers: 1, ...limit })
    expect(report.failed).toEqual([{ path: join(dir, file), code: 'parse-failed', message }])
    expect(report.added.map((a) => a.title)).toEqual(['Parsed afterwards'])
  })

  it('reports every kind of bad file with its code and name, and stores nothing of them', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeArticle(dir, 'good.txt', 'A good story')
    writeArticle(dir, 'big.txt', 'Too big for the limit', 40)
    writeArticle(dir, 'x-throws.txt', 'Parser bug')
    writeArticle(dir, 'x-fails.txt', 'Bad encoding')
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]))
    const locked = writeArticle(dir, 'locked.txt', 'Unreadable')
    chmodSync(locked, 0)
    const asRoot = process.getuid?.() === 0
    const report = await runImport(archive, [{ kind: 'path', path: dir }], {
      parserModule: MISBEHAVING_PARSER,
      maxFileBytes: 1000
    })
    expect(report.added.map((a) => a.title)).toEqual(asRoot ? ['A good story', 'Unreadable'] : ['A good story'])
    const byName = Object.fromEntries(report.failed.map((f) => [f.path.slice(dir.length + 1), f]))
    expect(byName['big.txt']).toMatchObject({ code: 'too-large' })
    expect(byName['x-throws.txt']).toMatchObject({ code: 'parse-failed' })
    expect(byName['x-fails.txt']).toMatchObject({ code: 'decode-failed' })
    expect(byName['empty.txt']).toMatchObject({ code: 'empty' })
    expect(byName['photo.jpg']).toMatchObject({ code: 'parse-failed' })
    if (!asRoot) expect(byName['locked.txt']).toMatchObject({ code: 'unreadable' })
    for (const [name, f] of Object.entries(byName)) expect(f.message).toContain(name)
    const c = counts(archive.db)
    expect(c.files).toBe(report.added.length)
    expect(c.articles).toBe(report.added.length)
  })

  it('recognises the same text in different bytes and the same bytes within one batch', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeFileSync(join(dir, 'a.txt'), 'Same story\n\nThe same words in the same order.\n')
    writeFileSync(join(dir, 'b.txt'), 'Same story\r\n\r\nThe same words   in the same order.\r\n')
    writeFileSync(join(dir, 'c.txt'), 'Same story\n\nThe same words in the same order.\n')
    const report = await runImport(archive, [{ kind: 'path', path: dir }])
    expect(report.added.map((a) => a.path)).toEqual([join(dir, 'a.txt')])
    expect(report.duplicates).toEqual([
      { path: join(dir, 'b.txt'), duplicateOf: report.added[0]!.id, reason: 'text' },
      { path: join(dir, 'c.txt'), duplicateOf: report.added[0]!.id, reason: 'bytes' }
    ])
  })

  it('imports dropped blobs and keeps their originals', async () => {
    const archive = tempArchive()
    const bytes = new TextEncoder().encode('Dropped story\n\nIt came without a path.')
    const report = await runImport(archive, [{ kind: 'blob', blob: { name: 'dropped.txt', bytes } }])
    expect(report.added).toEqual([{ id: 1, path: 'dropped.txt', title: 'Dropped story' }])
    const article = getArticle(archive.db, 1)
    expect(article.file).toMatchObject({ name: 'dropped.txt', originalPath: null, size: bytes.length })
  })

  it('rolls a file back completely when storing it fails part-way', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeArticle(dir, 'a.txt', 'Will not fit')
    // Break the last step of the transaction (fingerprint indexing) after article and paragraphs are in.
    archive.db.exec(`CREATE TRIGGER fail_fingerprints BEFORE INSERT ON paragraph_fingerprints_recent
      BEGIN SELECT RAISE(ABORT, 'disk is full (simulated)'); END`)
    const report = await runImport(archive, [{ kind: 'path', path: dir }])
    expect(report.failed).toEqual([
      { path: join(dir, 'a.txt'), code: 'storage-failed', message: `${join(dir, 'a.txt')} could not be stored: disk is full (simulated)` }
    ])
    expect(counts(archive.db)).toEqual({ files: 0, articles: 0, paragraphs: 0, fts: 0, fingerprints: 0 })
  })
})
