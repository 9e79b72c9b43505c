/**
 * Responsiveness under load (issue 15): through the backend host (writer and reader threads),
 * `checkArchive`, `backupArchive` and a 5,000-file import run at once on a 20,000-article archive
 * while a search is fired every 20 ms, as someone typing would. Measures search latency (call
 * to answer, as the UI sees it) and the longest time any call waited for its thread to start it
 * (time spent behind another call). Targets: search p95 ≤ 50 ms, no wait above 100 ms for the
 * calls the UI waits on (the check and the backup each wait for the thread started for them alone).
 *
 * The 20,000 articles are generated from the Brown corpus and State of the Union sentences and
 * inserted straight into the archive; the 5,000 import files are plain-text articles from the
 * same generator as the import benchmark. Both are kept under .bench/responsiveness/ between
 * runs; each run works on a fresh copy of the archive.
 *
 *   npm run bench -- --only responsiveness
 *   npx tsx scripts/bench-responsiveness.ts --articles 5000 --files 1000   # quicker
 *   npx tsx scripts/bench-responsiveness.ts --reader-stale-ms 5000          # caches lag an import longer
 *   npx tsx scripts/bench-responsiveness.ts --log                           # which calls waited, on which thread
 *   npx tsx scripts/bench-responsiveness.ts --every 500                     # a search every 500 ms, not 20
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../src/main/archive/archive'
import { SCHEMA_VERSION } from '../src/main/archive/migrations'
import { startBackendHost, type CallTiming } from '../src/main/host/host'
import { searchEngine } from '../src/main/search/engine'
import { isLongRead } from '../src/shared/api'
import type { Envelope } from '../src/shared/envelope'
import { insertCorpus } from './bench/corpus'
import { CORPUS_VERSION, writeImportCorpus } from './bench/import-corpus'
import { benchQueries, type BenchQuery, type QueryKind } from './bench/search-queries'

const TARGETS = { searchP95: 50, maxWait: 100 }

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '20000' },
    files: { type: 'string', default: '5000' },
    fresh: { type: 'boolean', default: false },
    /** Print the host's slow-call log lines (which thread, how long waiting) after each phase. */
    log: { type: 'boolean', default: false },
    /** Milliseconds between two searches: 20 is someone typing; a few hundred, someone reading between searches. */
    every: { type: 'string', default: '20' },
    /** How long reader caches may lag a running import (default: the host's READER_STALE_MS). */
    'reader-stale-ms': { type: 'string' }
  }
})
const n = Number(values.articles)
const SEARCH_EVERY_MS = Number(values.every)
const files = Number(values.files)
const cache = resolve(import.meta.dirname, '..', '.bench', 'responsiveness')
const baseDir = join(cache, `archive-${n}`)
const corpusDir = join(cache, `import-v${CORPUS_VERSION}-${files}`)

/** The archive of `n` articles, built once per schema version. */
function baseArchive(): void {
  const marker = join(baseDir, 'built.json')
  if (!values.fresh && existsSync(marker) && (JSON.parse(readFileSync(marker, 'utf8')) as { schema: number }).schema === SCHEMA_VERSION) return
  rmSync(baseDir, { recursive: true, force: true })
  mkdirSync(baseDir, { recursive: true })
  process.stderr.write(`building ${n} articles in ${baseDir}…\n`)
  const archive = openArchive(join(baseDir, 'archive'))
  insertCorpus(archive, { n, seed: 1 })
  searchEngine(archive.db).vocabulary()
  archive.db.pragma('wal_checkpoint(TRUNCATE)')
  archive.close()
  writeFileSync(marker, JSON.stringify({ articles: n, schema: SCHEMA_VERSION }))
}

function importCorpus(): string {
  if (values.fresh || !existsSync(join(corpusDir, 'done'))) {
    rmSync(corpusDir, { recursive: true, force: true })
    process.stderr.write(`generating ${files} text articles in ${corpusDir}…\n`)
    writeImportCorpus(join(corpusDir, 'corpus'), { text: files, html: 0 })
    mkdirSync(join(corpusDir, 'done'))
  }
  return join(corpusDir, 'corpus', 'text')
}

function percentile(list: readonly number[], p: number): number {
  const sorted = [...list].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0
}

const f1 = (v: number): string => v.toFixed(1)
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ')

baseArchive()
const textDir = importCorpus()
const run = join(cache, 'run')
rmSync(run, { recursive: true, force: true })
mkdirSync(run, { recursive: true })
cpSync(join(baseDir, 'archive'), join(run, 'archive'), { recursive: true })
const queries: BenchQuery[] = (() => {
  const ro = openArchive(join(run, 'archive'), { readonly: true })
  try {
    return benchQueries(ro.db, n)
  } finally {
    ro.close()
  }
})()

const timings: CallTiming[] = []
const slowLines: string[] = []
const host = await startBackendHost({
  archiveDir: join(run, 'archive'),
  recentArchivesFile: join(run, 'recent.json'),
  onCall: (t) => timings.push(t),
  log: (line) => slowLines.push(line),
  ...(values['reader-stale-ms'] ? { readerStaleMs: Number(values['reader-stale-ms']) } : {})
})
// Warm-up: parallel searches start the pool up to its ceiling and each reader loads the article
// columns and the vocabulary once, as after a while in the app.
for (let round = 0; round < 2; round++) {
  await Promise.all([0, 1, 2, 3].map((k) => host.api.search({ query: queries[k]!.query })))
  await Promise.all([0, 1, 2, 3].map(() => host.api.search({ query: 'massoud', fuzzy: true })))
}

const ok = async (label: string, call: Promise<Envelope<unknown>>): Promise<number> => {
  const t0 = performance.now()
  const r = await call
  if (!r.ok) throw new Error(`${label} failed: ${r.error.code}: ${r.error.message}`)
  return (performance.now() - t0) / 1000
}

/** Runs the long calls at once and fires searches every SEARCH_EVERY_MS until they are done. */
async function phase(label: string, withImport: boolean): Promise<{ p95: number; maxWait: number; lines: string[] }> {
  timings.length = 0
  slowLines.length = 0
  const loadAtStart = load()
  const t0 = performance.now()
  const long = Promise.all([
    ok('checkArchive', host.invoke('checkArchive', {})),
    ok('backupArchive', host.invoke('backupArchive', { path: join(run, `backup-${withImport ? 2 : 1}.tar`) })),
    withImport ? ok('importFiles', host.invoke('importFiles', { paths: [textDir] })) : Promise.resolve(0)
  ])
  let finished = false
  void long.finally(() => (finished = true))
  const searches: { kind: QueryKind; ms: number }[] = []
  const inFlight: Promise<void>[] = []
  let i = 0
  while (!finished) {
    const q = queries[i++ % queries.length]!
    const started = performance.now()
    inFlight.push(
      host.invoke('search', { query: q.query, fuzzy: q.kind === 'fuzzy' }).then((r) => {
        if (!r.ok) throw new Error(`search ${q.query} failed: ${r.error.message}`)
        searches.push({ kind: q.kind, ms: performance.now() - started })
      })
    )
    await new Promise((r) => setTimeout(r, SEARCH_EVERY_MS))
  }
  const [checkS, backupS, importS] = await long
  await Promise.all(inFlight)
  const wallS = (performance.now() - t0) / 1000
  const all = searches.map((s) => s.ms)
  const p95 = percentile(all, 0.95)
  const waits = new Map<string, number>()
  for (const t of timings) waits.set(t.method, Math.max(waits.get(t.method) ?? 0, t.waitMs))
  // A long read (check, backup) waits for the thread started for it alone; the target is about
  // what the UI waits for, the calls answered by the writer and the pool.
  const maxWait = Math.max(...[...waits].filter(([m]) => !isLongRead(m)).map(([, w]) => w))
  const threads = new Set(timings.map((t) => t.thread))
  const lines = [
    `${label}: check ${f1(checkS)} s, backup ${f1(backupS)} s${withImport ? `, import ${f1(importS)} s` : ''}; ${wallS.toFixed(1)} s in all on ${[...threads].sort().join(', ')}`,
    `load average (1, 5, 15 min) at start ${loadAtStart}, at end ${load()}`,
    `search       n     p50     p95     max   (ms, call to answer)`,
    `all     ${String(all.length).padStart(5)} ${f1(percentile(all, 0.5)).padStart(7)} ${f1(p95).padStart(7)} ${f1(Math.max(...all)).padStart(7)}`
  ]
  for (const kind of [...new Set(searches.map((s) => s.kind))]) {
    const k = searches.filter((s) => s.kind === kind).map((s) => s.ms)
    lines.push(`${kind.padEnd(8)}${String(k.length).padStart(5)} ${f1(percentile(k, 0.5)).padStart(7)} ${f1(percentile(k, 0.95)).padStart(7)} ${f1(Math.max(...k)).padStart(7)}`)
  }
  lines.push('longest wait for its thread, by method (ms): ' + [...waits].map(([m, w]) => `${m} ${f1(w)}`).join(', '))
  lines.push(`slow-call log lines: ${slowLines.length}`)
  lines.push(
    `${p95 <= TARGETS.searchP95 ? 'PASS' : 'FAIL'}  search p95 ${f1(p95)} ms (target ≤ ${TARGETS.searchP95} ms)`,
    `${maxWait <= TARGETS.maxWait ? 'PASS' : 'FAIL'}  longest wait of a call the pool or the writer answers ${f1(maxWait)} ms (target ≤ ${TARGETS.maxWait} ms)`,
    ''
  )
  process.stderr.write(`${label} done\n`)
  if (values.log) process.stderr.write(slowLines.map((l) => `  ${l}\n`).join(''))
  return { p95, maxWait, lines }
}

// First without the import (the archive does not change, so readers keep their caches), then
// with it (every stored article moves the search generation, and each reader reloads its caches).
const maintenance = await phase('check + backup', false)
const everything = await phase(`check + backup + import of ${files.toLocaleString('en')} files`, true)
await host.close()
process.stdout.write(
  [
    `Responsiveness: ${n.toLocaleString('en')} articles, a search every ${SEARCH_EVERY_MS} ms through the backend host (${availableParallelism()} cores)`,
    '',
    ...maintenance.lines,
    ...everything.lines
  ].join('\n')
)
rmSync(run, { recursive: true, force: true })
