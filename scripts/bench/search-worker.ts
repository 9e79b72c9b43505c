/**
 * One benchmark measurement in a fresh process, so cold start and memory are honest:
 *   tsx scripts/bench/search-worker.ts <engine|like|minisearch> <archiveDir> <queries.json> <out.json>
 * `engine`: open the archive, time the first plain and first fuzzy result, then every query once.
 * `like`: the same queries as a plain LIKE scan. `minisearch`: index every article in minisearch
 * and run the same queries there (no phrases or exclusions: its nearest equivalents).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import MiniSearch from 'minisearch'
import { openArchive } from '../../src/main/archive/archive'
import { searchEngine } from '../../src/main/search/engine'
import { runSearch } from '../../src/main/search/execute'
import { allLeaves, parseQuery } from '../../src/shared/query'
import type { BenchQuery } from './search-queries'

export interface WorkerResult {
  mode: string
  latencies: number[]
  /** CPU time of this process per query (user + system): what the query cost without contention. */
  cpu: number[]
  totals: number[]
  coldStartMs?: number
  coldStartCpuMs?: number
  firstFuzzyMs?: number
  indexMs?: number
  heapMB: number
  rssMB: number
  maxRssMB: number
}

const [mode, dir, queriesFile, outFile] = process.argv.slice(2) as [string, string, string, string]
const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as BenchQuery[]

function memory(): Pick<WorkerResult, 'heapMB' | 'rssMB' | 'maxRssMB'> {
  const m = process.memoryUsage()
  return {
    heapMB: Math.round(m.heapUsed / 1e5) / 10,
    rssMB: Math.round(m.rss / 1e5) / 10,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1e2) / 10
  }
}

const cpu: number[] = []

/** Runs `fn`, returning its value and wall milliseconds; its CPU milliseconds go to `cpu`. */
function timed<T>(fn: () => T): [T, number] {
  const c = process.cpuUsage()
  const t = performance.now()
  const value = fn()
  const wall = performance.now() - t
  const used = process.cpuUsage(c)
  cpu.push((used.user + used.system) / 1000)
  return [value, wall]
}

function engineRun(): WorkerResult {
  const started = performance.now()
  const startedCpu = process.cpuUsage()
  const archive = openArchive(dir)
  const engine = searchEngine(archive.db)
  runSearch(engine, { query: 'government' })
  const coldStartMs = performance.now() - started
  const coldCpu = process.cpuUsage(startedCpu)
  const coldStartCpuMs = (coldCpu.user + coldCpu.system) / 1000
  const [, firstFuzzyMs] = timed(() => runSearch(engine, { query: 'hikmatyar~' }))
  cpu.length = 0
  const latencies: number[] = []
  const totals: number[] = []
  for (const q of queries) {
    const [r, ms] = timed(() => runSearch(engine, { query: q.query }))
    latencies.push(ms)
    totals.push(r.total)
  }
  const mem = memory()
  archive.close()
  return { mode, latencies, cpu, totals, coldStartMs, coldStartCpuMs, firstFuzzyMs, ...mem }
}

function likeRun(): WorkerResult {
  const archive = openArchive(dir, { readonly: true })
  const latencies: number[] = []
  const totals: number[] = []
  for (const q of queries) {
    const parsed = parseQuery(q.query)
    const where: string[] = []
    const params: string[] = []
    for (const leaf of allLeaves(parsed.root)) {
      const text = leaf.kind === 'near' ? leaf.terms[0]! : leaf.text
      where.push('(a.title LIKE ? OR a.text LIKE ?)')
      params.push(`%${text}%`, `%${text}%`)
    }
    for (const f of parsed.filters) {
      if (f.field !== 'outlet') continue
      where.push('a.source_id IN (SELECT id FROM sources WHERE name LIKE ?)')
      params.push(f.values[0]!)
    }
    if (parsed.dates.after) {
      where.push('a.published_latest >= ?')
      params.push(parsed.dates.after)
    }
    if (parsed.dates.before) {
      where.push('a.published_earliest <= ?')
      params.push(parsed.dates.before)
    }
    const sql = `SELECT a.id FROM articles a WHERE ${where.join(' AND ') || '1'} ORDER BY a.published_earliest DESC`
    const [ids, ms] = timed(() => archive.db.prepare(sql).pluck().all(...params))
    latencies.push(ms)
    totals.push(ids.length)
  }
  const mem = memory()
  archive.close()
  return { mode, latencies, cpu, totals, ...mem }
}

interface Doc {
  id: number
  title: string
  text: string
  outlet: string | null
  earliest: string | null
  latest: string | null
}

function miniRun(): WorkerResult {
  const archive = openArchive(dir, { readonly: true })
  const [mini, indexMs] = timed(() => {
    const index = new MiniSearch<Doc>({ fields: ['title', 'text'], storeFields: ['outlet', 'earliest', 'latest'] })
    const rows = archive.db
      .prepare(
        `SELECT a.id, a.title, a.text, s.name AS outlet, a.published_earliest AS earliest, a.published_latest AS latest
         FROM articles a LEFT JOIN sources s ON s.id = a.source_id`
      )
      .iterate() as Iterable<Doc>
    for (const doc of rows) index.add(doc)
    return index
  })
  cpu.length = 0
  const latencies: number[] = []
  const totals: number[] = []
  for (const q of queries) {
    const parsed = parseQuery(q.query)
    const words = allLeaves(parsed.root).flatMap((l) => (l.kind === 'near' ? l.terms : l.text.split(' ')))
    const leaf = allLeaves(parsed.root)[0]
    const outlet = parsed.filters.find((f) => f.field === 'outlet')?.values[0]?.toLowerCase()
    const { after, before } = parsed.dates
    const [hits, ms] = timed(() =>
      mini.search(words.join(' '), {
        combineWith: 'AND',
        prefix: leaf?.kind === 'term' && leaf.prefix,
        fuzzy: leaf?.kind === 'term' && leaf.fuzzy ? 0.2 : false,
        boost: { title: 3 },
        filter:
          outlet || after || before
            ? (r) =>
                (!outlet || String(r.outlet ?? '').toLowerCase() === outlet) &&
                (!after || String(r.latest ?? '') >= after) &&
                (!before || (r.earliest !== null && String(r.earliest) <= before))
            : undefined
      })
    )
    latencies.push(ms)
    totals.push(hits.length)
  }
  const mem = memory()
  archive.close()
  return { mode, latencies, cpu, totals, indexMs, ...mem }
}

const result = mode === 'engine' ? engineRun() : mode === 'like' ? likeRun() : miniRun()
writeFileSync(outFile, JSON.stringify(result))
