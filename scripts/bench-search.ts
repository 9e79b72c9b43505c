/**
 * Search benchmark. At each size (default 10,000 and 100,000 articles): build a corpus archive
 * (inserted straight into the archive, no file parsing), then in fresh processes measure cold
 * start, memory and the latency of a fixed 200-query mix on our engine, and the same queries on
 * two baselines: a plain LIKE scan and minisearch alone (10,000 only: it cannot hold 100,000).
 *
 *   npm run bench                     # both sizes
 *   npm run bench -- --sizes 10000    # quicker
 *   npm run bench -- --fresh          # rebuild archives kept from an earlier run
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openArchive } from '../src/main/archive/archive'
import { SCHEMA_VERSION } from '../src/main/archive/migrations'
import { searchEngine } from '../src/main/search/engine'
import { insertCorpus } from './bench/corpus'
import { benchQueries, type BenchQuery, type QueryKind } from './bench/search-queries'
import type { WorkerResult } from './bench/search-worker'

const TARGETS = { p50: 5, p95: 30, max: 150, coldStart: 1000, rss: 400 }
/** LIKE scans every article's text; above this size only every 10th query is run. */
const LIKE_FULL_UP_TO = 10_000
const MINISEARCH_UP_TO = 10_000

interface Build {
  articles: number
  importMs: number
  vocabMs: number
  sizeBytes: number
  schema: number
  builtAt: string
}

function dirSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, e) => sum + (e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size),
    0
  )
}

function build(dir: string, n: number, seed: number, fresh: boolean): Build {
  const marker = join(dir, 'build.json')
  if (!fresh && existsSync(marker)) {
    const previous = JSON.parse(readFileSync(marker, 'utf8')) as Build
    // An older schema is fine: one open for writing migrates it (migrations do not touch search).
    if (previous.schema <= SCHEMA_VERSION && previous.articles === n) {
      if (previous.schema < SCHEMA_VERSION) openArchive(join(dir, 'archive')).close()
      return previous
    }
  }
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const archive = openArchive(join(dir, 'archive'))
  process.stderr.write(`building ${n} articles in ${dir}…\n`)
  const t0 = performance.now()
  insertCorpus(archive, { n, seed }, (done) => {
    if (done % 10_000 === 0) process.stderr.write(`  ${done}\n`)
  })
  const importMs = performance.now() - t0
  const t1 = performance.now()
  searchEngine(archive.db).vocabulary()
  const vocabMs = performance.now() - t1
  archive.db.pragma('wal_checkpoint(TRUNCATE)')
  archive.close()
  const result: Build = {
    articles: n,
    importMs,
    vocabMs,
    sizeBytes: dirSize(join(dir, 'archive')),
    schema: SCHEMA_VERSION,
    builtAt: new Date().toISOString()
  }
  writeFileSync(marker, JSON.stringify(result, null, 2))
  return result
}

function worker(mode: 'engine' | 'like' | 'minisearch', dir: string, queries: BenchQuery[]): WorkerResult {
  const qfile = join(dir, `queries-${mode}.json`)
  const out = join(dir, `result-${mode}.json`)
  writeFileSync(qfile, JSON.stringify(queries))
  rmSync(out, { force: true })
  const script = fileURLToPath(new URL('./bench/search-worker.ts', import.meta.url))
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, mode, join(dir, 'archive'), qfile, out], {
    stdio: ['ignore', 'inherit', 'inherit']
  })
  if (run.status !== 0 || !existsSync(out)) throw new Error(`${mode} worker failed (exit ${run.status})`)
  return JSON.parse(readFileSync(out, 'utf8')) as WorkerResult
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0
}

function stats(values: readonly number[]): { p50: number; p95: number; max: number } {
  return { p50: percentile(values, 0.5), p95: percentile(values, 0.95), max: Math.max(...values) }
}

const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2))

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))]
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)))
  const line = (r: string[]): string => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n')
}

/** Runs the search benchmark with command-line style arguments and prints its tables. */
export function benchSearch(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      seed: { type: 'string', default: '1' },
      fresh: { type: 'boolean', default: false }
    },
    strict: false
  })
  const sizes = String(values.sizes).split(',').map(Number)
  const seed = Number(values.seed)
  const startLoad = loadavg()[0]!.toFixed(1)
  const summary: (string | number)[][] = []
  const kinds: (string | number)[][] = []
  const baselines: (string | number)[][] = []
  const verdicts: string[] = []
  for (const n of sizes) {
    const dir = join(tmpdir(), `annalist-bench-search-${n}-${seed}`)
    const b = build(dir, n, seed, values.fresh === true)
    const ro = openArchive(join(dir, 'archive'), { readonly: true })
    const queries = benchQueries(ro.db, n)
    ro.close()
    process.stderr.write(`${n}: engine…\n`)
    const engine = worker('engine', dir, queries)
    const s = stats(engine.latencies)
    const c = stats(engine.cpu)
    summary.push([
      n.toLocaleString('en'),
      (b.importMs / 1000).toFixed(1),
      Math.round(n / (b.importMs / 1000)),
      (b.vocabMs / 1000).toFixed(2),
      (b.sizeBytes / 1e6).toFixed(0),
      `${ms(engine.coldStartMs!)} / ${ms(engine.coldStartCpuMs!)}`,
      ms(engine.firstFuzzyMs!),
      engine.heapMB,
      engine.maxRssMB,
      `${ms(s.p50)} / ${ms(c.p50)}`,
      `${ms(s.p95)} / ${ms(c.p95)}`,
      `${ms(s.max)} / ${ms(c.max)}`
    ])
    const byKind = new Map<QueryKind, number[]>()
    queries.forEach((q, i) => byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), i]))
    for (const [kind, indices] of byKind) {
      const k = stats(indices.map((i) => engine.latencies[i]!))
      const kc = stats(indices.map((i) => engine.cpu[i]!))
      const hits = indices.map((i) => engine.totals[i]!)
      kinds.push([
        n.toLocaleString('en'),
        kind,
        indices.length,
        Math.round(hits.reduce((a, h) => a + h, 0) / hits.length),
        `${ms(k.p50)} / ${ms(kc.p50)}`,
        `${ms(k.p95)} / ${ms(kc.p95)}`,
        `${ms(k.max)} / ${ms(kc.max)}`
      ])
    }
    const everyTenth = <T>(list: T[]): T[] => (n <= LIKE_FULL_UP_TO ? list : list.filter((_, i) => i % 10 === 0))
    const sample = everyTenth(queries)
    process.stderr.write(`${n}: LIKE baseline on ${sample.length} queries…\n`)
    const like = worker('like', dir, sample)
    const ours = stats(everyTenth(engine.latencies))
    const oursCpu = stats(everyTenth(engine.cpu))
    const row = (name: string, r: WorkerResult, o: typeof ours, oc: typeof ours, rss: string): (string | number)[] => {
      const w = stats(r.latencies)
      const wc = stats(r.cpu)
      return [
        n.toLocaleString('en'),
        name,
        `${ms(w.p50)} / ${ms(wc.p50)}`,
        `${ms(w.p95)} / ${ms(wc.p95)}`,
        `${ms(w.max)} / ${ms(wc.max)}`,
        rss,
        `${(w.p50 / o.p50).toFixed(1)}× / ${(wc.p50 / oc.p50).toFixed(1)}×`,
        `${(w.p95 / o.p95).toFixed(1)}× / ${(wc.p95 / oc.p95).toFixed(1)}×`
      ]
    }
    baselines.push(row(`LIKE scan (${sample.length} queries)`, like, ours, oursCpu, `${like.maxRssMB} MB`))
    if (n <= MINISEARCH_UP_TO) {
      process.stderr.write(`${n}: minisearch baseline…\n`)
      const mini = worker('minisearch', dir, queries)
      baselines.push(
        row(`minisearch alone (index ${(mini.indexMs! / 1000).toFixed(1)} s, heap ${mini.heapMB} MB)`, mini, s, c, `${mini.maxRssMB} MB`)
      )
    }
    if (n >= 100_000) {
      const check = (label: string, value: number, target: number, unit: string): void => {
        verdicts.push(`${value <= target ? 'PASS' : 'FAIL'}  ${label} ${value.toFixed(1)} ${unit} (target ≤ ${target} ${unit})`)
      }
      check('p50 (wall)', s.p50, TARGETS.p50, 'ms')
      check('p95 (wall)', s.p95, TARGETS.p95, 'ms')
      check('max (wall)', s.max, TARGETS.max, 'ms')
      check('p50 (CPU)', c.p50, TARGETS.p50, 'ms')
      check('p95 (CPU)', c.p95, TARGETS.p95, 'ms')
      check('max (CPU)', c.max, TARGETS.max, 'ms')
      check('cold start (wall)', engine.coldStartMs!, TARGETS.coldStart, 'ms')
      check('cold start (CPU)', engine.coldStartCpuMs!, TARGETS.coldStart, 'ms')
      check('peak RSS', engine.maxRssMB, TARGETS.rss, 'MB')
    }
  }
  const out = [
    `Search benchmark (seed ${seed}; 200 queries: 30 rare, 28 common, 28 two-word AND, 28 phrase, 28 prefix, 28 fuzzy, 30 filtered by outlet and date)`,
    `Times are "wall / CPU" ms: CPU is this process's own CPU time, which stays honest when other work shares the cores. Load average at start ${startLoad}, at end ${loadavg()[0]!.toFixed(1)}.`,
    '',
    table(
      ['articles', 'import s', 'art/s', 'vocab s', 'size MB', 'cold start', '1st fuzzy', 'heap MB', 'peak RSS MB', 'p50', 'p95', 'max'],
      summary
    ),
    '',
    table(['articles', 'kind', 'queries', 'avg hits', 'p50', 'p95', 'max'], kinds),
    '',
    table(['articles', 'baseline', 'p50', 'p95', 'max', 'peak RSS', 'our speed-up p50', 'our speed-up p95'], baselines),
    '',
    ...verdicts,
    ''
  ]
  process.stdout.write(out.join('\n') + '\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) benchSearch(process.argv.slice(2))
