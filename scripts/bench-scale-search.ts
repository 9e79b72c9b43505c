/**
 * Search at scale on an archive built by bench:million or bench:scale (issue 17), in this fresh
 * process: cold start to the first answer, then a mix of query classes drawn from the archive's
 * own vocabulary (rare, medium, common, AND, phrase, prefix, fuzzy, filtered) through the search
 * engine, each beside the raw FTS5 baseline (MATCH, bm25 order, snippet of the top 20) for the
 * same words, and the resident memory after.
 *
 *   npx tsx scripts/bench-scale-search.ts <archive dir> [--queries 320]
 *   npx tsx scripts/bench-scale-search.ts <archive dir> --host   # cold start through the backend
 *     host (writer and readers, as the app and browser mode run): start to first plain answer,
 *     then a fuzzy one asked 1 s later. Takes the archive's write lock.
 *   npx tsx scripts/bench-scale-search.ts <archive dir> --serve  # what a user waits for: the built
 *     CLI's `annalist serve` (npm run build first) from spawn to its URL, and to the first answer
 *     over HTTP; then the same mix of queries over HTTP, timed per class, and the server's
 *     resident memory (RSS and PSS of its process, all its threads) after them; `--rounds N`
 *     asks the mix N - 1 times more, untimed, with the memory after each. Takes the archive's
 *     write lock.
 *   --common-ids-bytes N   (in process) the bytes of common words' bitmaps (0: none), for comparison.
 *   --only medium,and      these classes alone, the queries shared among them (each class's mean is
 *     printed beside its percentiles: with a few hundred queries it moves less than p95).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../src/main/archive/archive'
import { articleParagraphs } from '../src/main/archive/repo/paragraph-text'
import { startBackendHost } from '../src/main/host/host'
import { searchEngine } from '../src/main/search/engine'
import { TOKEN_HEADER } from '../src/shared/http-api'
import { runSearch } from '../src/main/search/execute'
import { mulberry32 } from './bench/prng'
import { inProcessTargets, servedTargets, type ClassStats, type Stats } from './bench/search-targets'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    queries: { type: 'string', default: '320' },
    host: { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '1' },
    only: { type: 'string' },
    'common-ids-bytes': { type: 'string' }
  }
})
const dir = positionals[0]
if (!dir) throw new Error('usage: bench-scale-search.ts <archive dir>')
if (values.host) {
  const started = performance.now()
  const host = await startBackendHost({ archiveDir: dir, recentArchivesFile: join(tmpdir(), `annalist-bench-recent-${process.pid}.json`) })
  const plain = await host.api.search({ query: 'government' })
  const firstMs = performance.now() - started
  await new Promise((wake) => setTimeout(wake, 1000))
  const t = performance.now()
  await host.api.search({ query: 'governmant~' })
  const fuzzyMs = performance.now() - t
  process.stdout.write(
    `host: start to first answer ${firstMs.toFixed(0)} ms (${plain.total} hits); a fuzzy query 1 s later ${fuzzyMs.toFixed(0)} ms; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`
  )
  await host.close()
  process.exit(0)
}
/** A running `annalist serve` and how to ask it a search over HTTP. */
interface Served {
  ask(query: string): Promise<{ total: number }>
  /** Its process's resident memory, in MB: RSS and PSS (shared pages split with other processes). */
  memory(): { rss: number; pss: number; anon: number; file: number }
  stop(): Promise<void>
  /** From spawn to the first answer over HTTP, in ms. */
  firstMs: number
}

async function serve(): Promise<Served> {
  // Its own config folder, so the serve memory (port, token) of a real archive is left alone.
  const config = mkdtempSync(join(tmpdir(), 'annalist-bench-serve-'))
  // This process's first fetch loads undici (60–80 ms here): done before the clock starts, so the
  // figure is the server's start, as a browser tab (which has its HTTP stack loaded) sees it.
  await fetch('http://127.0.0.1:9/', { signal: AbortSignal.timeout(1000) }).catch(() => undefined)
  const started = performance.now()
  const child = spawn(process.execPath, ['out/main/cli.js', 'serve', '--archive', dir!], {
    env: { ...process.env, XDG_CONFIG_HOME: config },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let printed = ''
  const openUrl = await new Promise<string>((found, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString()
      const m = /Open (http:\/\/\S+)/.exec(printed)
      if (m) found(m[1]!)
    })
    child.once('exit', (code) => {
      rmSync(config, { recursive: true, force: true })
      failed(new Error(`annalist serve exited with ${code}: ${printed}`))
    })
  })
  const urlMs = performance.now() - started
  const url = new URL(openUrl)
  const token = url.hash.replace(/^#token=/, '')
  const ask = async (query: string): Promise<{ total: number }> => {
    const res = await fetch(new URL('/api/search', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify({ query })
    })
    const envelope = (await res.json()) as { ok: boolean; value: { total: number } }
    if (!envelope.ok) throw new Error(`search failed: ${JSON.stringify(envelope)}`)
    return envelope.value
  }
  const plain = await ask('government')
  const firstMs = performance.now() - started
  process.stdout.write(
    `annalist serve (built): URL after ${urlMs.toFixed(0)} ms, first answer over HTTP after ${firstMs.toFixed(0)} ms (${plain.total} hits); load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`
  )
  const kb = (file: string, field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${child.pid}/${file}`, 'utf8'))![1])
  return {
    ask,
    firstMs,
    memory: () => ({
      rss: kb('status', 'VmRSS') / 1024,
      pss: kb('smaps_rollup', 'Pss') / 1024,
      // Anonymous memory is the process's own (heaps, page caches); file-backed is code and mapped files.
      anon: kb('status', 'RssAnon') / 1024,
      file: kb('status', 'RssFile') / 1024
    }),
    async stop() {
      child.kill('SIGTERM')
      await new Promise((done) => child.once('exit', done))
      rmSync(config, { recursive: true, force: true })
    }
  }
}

const served = values.serve ? await serve() : null

/** The server's memory now, as a line. */
const memoryLine = (what: string, m = served!.memory()): string => {
  return `server RSS ${what}: ${m.rss.toFixed(0)} MB (PSS ${m.pss.toFixed(0)} MB; anonymous ${m.anon.toFixed(0)}, files ${m.file.toFixed(0)})`
}
if (served) {
  // Its readers load their caches once idle a moment after the first answer (host/worker.ts).
  await new Promise((wake) => setTimeout(wake, 5000))
  process.stdout.write(`${memoryLine('5 s after the first answer')}\n`)
}

const t0 = performance.now()
const archive = openArchive(dir, { readonly: true })
const engine = searchEngine(archive.db)
if (values['common-ids-bytes'] !== undefined) engine.commonIdsBudget = Number(values['common-ids-bytes'])
const first = served ? null : runSearch(engine, { query: 'government' })
const coldStartMs = performance.now() - t0
// What a backend reader does once idle after its first answer (host/worker.ts), timed apart.
const t1 = performance.now()
if (!served) {
  engine.warm()
  while (engine.warmCommonIds(Infinity) !== 'done');
}
const warmMs = performance.now() - t1

const db = archive.db
const n = db.prepare('SELECT count(*) FROM articles').pluck().get() as number
const terms = (min: number, max: number): string[] =>
  // From the index itself: an archive filled by runImport alone has not drained its vocabulary queue.
  (db.prepare('SELECT term FROM search_terms WHERE doc BETWEEN ? AND ? ORDER BY term').pluck().all(min, max) as string[]).filter((t) => /^[a-z]{4,}$/.test(t))
const rare = terms(2, 20)
const medium = terms(Math.max(3, Math.floor(n * 0.003)), Math.floor(n * 0.05))
const common = terms(Math.floor(n * 0.1), n)
const outlets = db.prepare('SELECT name FROM sources ORDER BY name').pluck().all() as string[]
const r = mulberry32(17)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
const firstParagraph = (id: number): string | undefined => articleParagraphs(db, id)[0]?.text

type Kind = 'rare' | 'medium' | 'common' | 'and' | 'phrase' | 'prefix' | 'fuzzy' | 'filtered'
const make: Record<Kind, () => { query: string; raw: string | null }> = {
  rare: () => ((w) => ({ query: w, raw: w }))(pick(rare)),
  medium: () => ((w) => ({ query: w, raw: w }))(pick(medium)),
  common: () => ((w) => ({ query: w, raw: w }))(pick(common)),
  and: () => ((a, b) => ({ query: `${a} ${b}`, raw: `${a} ${b}` }))(pick(medium), pick(common)),
  phrase: () => {
    for (;;) {
      const text = firstParagraph(1 + Math.floor(r() * n))
      const words = (text ?? '').toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter(Boolean)
      if (words.length < 6) continue
      const at = Math.floor(r() * (words.length - 3))
      const phrase = `"${words.slice(at, at + 3).join(' ')}"`
      return { query: phrase, raw: phrase }
    }
  },
  prefix: () => ((w) => ({ query: `${w.slice(0, 4)}*`, raw: `${w.slice(0, 4)}*` }))(pick(medium)),
  fuzzy: () => ({ query: `${pick(medium)}~`, raw: null }),
  filtered: () => ((w) => ({ query: `${w} outlet:"${pick(outlets)}" after:2020-01-01 before:2022-06-30`, raw: null }))(pick(medium))
}

const kinds = (values.only?.split(',') ?? Object.keys(make)) as Kind[]
for (const kind of kinds) if (!(kind in make)) throw new Error(`--only: no query class ${kind} (${Object.keys(make).join(', ')})`)
const perClass = Math.ceil(Number(values.queries) / kinds.length)

const raw = db.prepare(
  `SELECT rowid, snippet(search_fts, 2, '[', ']', '…', 12) FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20`
)
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b)
  const at = (q: number): number => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10
  return { p50: at(0.5), p95: at(0.95), max: Math.round(s.at(-1)! * 10) / 10 }
}
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}
/**
 * A query of the class not asked before in this run: the engine keeps the answers to its last
 * few costly matches (match-cache.ts), and a repeat would time that, not the index.
 */
const askedBefore = new Set<string>()
const fresh = (kind: Kind): { query: string; raw: string | null } => {
  for (let tries = 0; ; tries++) {
    const q = make[kind]()
    if (!askedBefore.has(q.query) || tries >= 100) {
      askedBefore.add(q.query)
      return q
    }
  }
}
const rows: string[] = []
const classes: ClassStats[] = []
const all: number[] = []
const allRaw: number[] = []
const mean = (xs: number[]): string => (xs.reduce((sum, x) => sum + x, 0) / xs.length).toFixed(2)
for (const kind of kinds) {
  const ours: number[] = []
  const base: number[] = []
  const oursCpu: number[] = []
  const baseCpu: number[] = []
  for (let i = 0; i < perClass; i++) {
    const q = fresh(kind)
    // CPU time beside wall time: on a machine shared with other work, wall time mostly measures the load.
    let t = performance.now()
    let c = process.cpuUsage()
    if (served) await served.ask(q.query)
    else runSearch(engine, { query: q.query })
    ours.push(performance.now() - t)
    oursCpu.push(cpuMs(c))
    // Over HTTP the server's CPU is not this process's, and raw FTS5 here would compete with it.
    if (q.raw && !served) {
      t = performance.now()
      c = process.cpuUsage()
      raw.all(q.raw)
      base.push(performance.now() - t)
      baseCpu.push(cpuMs(c))
    }
  }
  all.push(...ours)
  allRaw.push(...base)
  const a = stats(ours)
  const b = base.length ? stats(base) : null
  const ac = stats(oursCpu)
  const bc = baseCpu.length ? stats(baseCpu) : null
  classes.push({ kind, ours: a, raw: b })
  rows.push(
    `${kind.padEnd(9)} p50 ${a.p50} p95 ${a.p95} max ${a.max} mean ${mean(ours)} ms${served ? '' : ` (CPU p95 ${ac.p95})`}` +
      (b && bc ? `   raw FTS5 p50 ${b.p50} p95 ${b.p95} max ${b.max} mean ${mean(base)} ms (CPU p95 ${bc.p95})` : '')
  )
}
const a = stats(all)
if (served) {
  /** The server's RSS after each round of the mix, for the targets. */
  const rss: { queries: number; mb: number }[] = []
  /** Its memory line after `queries` queries, the RSS kept. */
  const memoryAfter = (queries: number): string => {
    const m = served.memory()
    rss.push({ queries, mb: m.rss })
    return memoryLine(`after ${queries} queries`, m)
  }
  process.stdout.write(
    `${n} articles, over HTTP; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n` +
      rows.join('\n') +
      `\nall       p50 ${a.p50} p95 ${a.p95} max ${a.max} ms\n${memoryAfter(all.length)}\n`
  )
  // Whether the server's memory keeps growing: the mix again, untimed, with its RSS after each round.
  let asked = all.length
  for (let round = 2; round <= Number(values.rounds); round++) {
    for (const kind of kinds) for (let i = 0; i < perClass; i++) await served.ask(fresh(kind).query)
    asked += perClass * kinds.length
    process.stdout.write(`${memoryAfter(asked)}\n`)
  }
  await served.stop()
  process.stdout.write(`${servedTargets(classes, a, served.firstMs, rss).join('\n')}\n`)
} else {
  const b = stats(allRaw)
  process.stdout.write(
    `${n} articles; cold start to first answer ${coldStartMs.toFixed(0)} ms (${first!.total} hits), vocabulary, entities and common words' bitmaps loaded after it in ${warmMs.toFixed(0)} ms; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n` +
      rows.join('\n') +
      `\nall       p50 ${a.p50} p95 ${a.p95} max ${a.max} ms   raw FTS5 p50 ${b.p50} p95 ${b.p95} max ${b.max} ms\n` +
      `RSS after ${all.length} queries: ${Math.round(process.memoryUsage().rss / 1e6)} MB\n` +
      `${inProcessTargets(classes, a).join('\n')}\n`
  )
}
archive.close()
