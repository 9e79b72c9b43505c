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
import { tmpdir } from 'node:os'
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
    if (previous.schema === SCHEMA_VERSION && previous.articles === n) return previous
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
    summary.push([
      n.toLocaleString('en'),
      (b.importMs / 1000).toFixed(1),
      Math.round(n / (b.importMs / 1000)),
      (b.vocabMs / 1000).toFixed(2),
      (b.sizeBytes / 1e6).toFixed(0),
      ms(engine.coldStartMs!),
      ms(engine.firstFuzzyMs!),
      engine.heapMB,
      engine.maxRssMB,
      ms(s.p50),
      ms(s.p95),
      ms(s.max)
    ])
    const byKind = new Map<QueryKind, number[]>()
    queries.forEach((q, i) => byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), engine.latencies[i]!]))
    for (const [kind, list] of byKind) {
      const k = stats(list)
      const hits = queries.flatMap((q, i) => (q.kind === kind ? [engine.totals[i]!] : []))
      kinds.push([n.toLocaleString('en'), kind, list.length, Math.round(hits.reduce((a, b2) => a + b2, 0) / hits.length), ms(k.p50), ms(k.p95), ms(k.max)])
    }
    const sample = n <= LIKE_FULL_UP_TO ? queries : queries.filter((_, i) => i % 10 === 0)
    process.stderr.write(`${n}: LIKE baseline on ${sample.length} queries…\n`)
    const like = worker('like', dir, sample)
    const ours = n <= LIKE_FULL_UP_TO ? engine.latencies : engine.latencies.filter((_, i) => i % 10 === 0)
    const o = stats(ours)
    const l = stats(like.latencies)
    baselines.push([n.toLocaleString('en'), `LIKE scan (${sample.length} queries)`, ms(l.p50), ms(l.p95), ms(l.max), '-', `${(l.p50 / o.p50).toFixed(0)}×`, `${(l.p95 / o.p95).toFixed(0)}×`])
    if (n <= MINISEARCH_UP_TO) {
      process.stderr.write(`${n}: minisearch baseline…\n`)
      const mini = worker('minisearch', dir, queries)
      const m = stats(mini.latencies)
      baselines.push([
        n.toLocaleString('en'),
        `minisearch alone (index ${(mini.indexMs! / 1000).toFixed(1)} s, heap ${mini.heapMB} MB)`,
        ms(m.p50),
        ms(m.p95),
        ms(m.max),
        `${mini.maxRssMB} MB`,
        `${(m.p50 / s.p50).toFixed(1)}×`,
        `${(m.p95 / s.p95).toFixed(1)}×`
      ])
    }
    if (n >= 100_000) {
      const check = (label: string, value: number, target: number, unit: string): void => {
        verdicts.push(`${value <= target ? 'PASS' : 'FAIL'}  ${label} ${value.toFixed(1)} ${unit} (target ≤ ${target} ${unit})`)
      }
      check('p50', s.p50, TARGETS.p50, 'ms')
      check('p95', s.p95, TARGETS.p95, 'ms')
      check('max', s.max, TARGETS.max, 'ms')
      check('cold start', engine.coldStartMs!, TARGETS.coldStart, 'ms')
      check('peak RSS', engine.maxRssMB, TARGETS.rss, 'MB')
    }
  }
  const out = [
    `Search benchmark (seed ${seed}; 200 queries: 30 rare, 28 common, 28 two-word AND, 28 phrase, 28 prefix, 28 fuzzy, 30 filtered by outlet and date)`,
    '',
    table(
      ['articles', 'import s', 'art/s', 'vocab s', 'size MB', 'cold start ms', '1st fuzzy ms', 'heap MB', 'peak RSS MB', 'p50 ms', 'p95 ms', 'max ms'],
      summary
    ),
    '',
    table(['articles', 'kind', 'queries', 'avg hits', 'p50 ms', 'p95 ms', 'max ms'], kinds),
    '',
    table(['articles', 'baseline', 'p50 ms', 'p95 ms', 'max ms', 'peak RSS', 'our speed-up p50', 'our speed-up p95'], baselines),
    '',
    ...verdicts,
    ''
  ]
  process.stdout.write(out.join('\n') + '\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) benchSearch(process.argv.slice(2))
