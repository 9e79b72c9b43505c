/**
 * `npm run bench:million`: one archive grown to 1,000,000 generated news articles (issue 17),
 * imported through the real pipeline as the app imports (bench/app-import.ts) in chunks of
 * 10,000 files that are generated just before and deleted just after, so disk holds one chunk of
 * input at a time. Prints each chunk's
 * throughput with the machine's load, and the archive's size per table on passing each 100,000.
 *
 * Resumable: `state.json` records the chunks done; run it again to carry on (a chunk cut short
 * is imported again, its stored files recognised as duplicates by their bytes). Once the archive
 * holds `--total`, it times search on it (scripts/bench-scale-search.ts): in this process against
 * raw FTS5, then through the built `annalist serve` (cold start to the first answer, each query
 * class, resident memory), then the workbench's reads (scripts/bench-workbench.ts); `--no-search`
 * leaves those out. `--statements` prints, after each chunk, the SQL statements the import spent
 * its time in (scripts/bench/statement-times.ts).
 *
 *   npm run bench:million
 *   npm run bench:million -- --total 200000 --dir /big/disk/bench
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../src/main/archive/archive'
import { importAsTheApp } from './bench/app-import'
import { importWorkers } from './bench/built-worker'
import { searchEngine, upkeepSearch } from '../src/main/search/engine'
import { formatSizeReport, sizeReport } from './bench/db-size'
import { NEWS_CORPUS_VERSION, writeNewsCorpus } from './bench/news-corpus'
import { timeStatements } from './bench/statement-times'

const { values } = parseArgs({
  options: {
    total: { type: 'string', default: '1000000' },
    chunk: { type: 'string', default: '10000' },
    dir: { type: 'string', default: join(tmpdir(), `annalist-bench-million-v${NEWS_CORPUS_VERSION}`) },
    'size-every': { type: 'string', default: '100000' },
    // Parse workers from the build (`npm run build` first).
    built: { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    statements: { type: 'boolean', default: false }
  }
})
const workerOptions = importWorkers(values.built)
const total = Number(values.total)
const chunk = Number(values.chunk)
const sizeEvery = Number(values['size-every'])
const root = values.dir
const stateFile = join(root, 'state.json')

interface State {
  done: number
  chunks: { to: number; added: number; seconds: number; perSecond: number; writerMs?: number; load: number[] }[]
}

const state: State = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as State) : { done: 0, chunks: [] }
const archive = openArchive(join(root, 'archive'))
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ')
// What the app's writer does at open (the index check) and after writes (search-upkeep.ts: the
// vocabulary drained, the change log trimmed, the article columns saved for readers to start
// from), so the archive is left as an import through the app leaves it.
searchEngine(archive.db)
const statements = values.statements ? timeStatements(archive.db) : undefined
try {
  while (state.done < total) {
    const from = state.done
    const to = Math.min(total, from + chunk)
    const input = join(root, 'chunk')
    rmSync(input, { recursive: true, force: true })
    writeNewsCorpus(input, { from, to })
    const t0 = performance.now()
    // The parse workers are child processes: this process's CPU is the writer's (its main thread).
    const cpu0 = process.cpuUsage()
    statements?.reset()
    const report = await importAsTheApp(archive, [{ kind: 'path', path: input }], workerOptions)
    const seconds = (performance.now() - t0) / 1000
    const cpu = process.cpuUsage(cpu0)
    const writerMs = (cpu.user + cpu.system) / 1000 / Math.max(1, report.added.length)
    rmSync(input, { recursive: true, force: true })
    const t1 = performance.now()
    upkeepSearch(archive.db)
    searchEngine(archive.db).saveMetaIfDue()
    const upkeepSeconds = (performance.now() - t1) / 1000
    const perSecond = report.added.length / seconds
    state.chunks.push({ to, added: report.added.length, seconds, perSecond, writerMs, load: loadavg() })
    state.done = to
    writeFileSync(stateFile, JSON.stringify(state))
    process.stdout.write(
      `${String(to).padStart(8)} articles: chunk ${report.added.length} added, ${report.duplicates.length} duplicates, ${report.failed.length} failed in ${seconds.toFixed(1)} s = ${perSecond.toFixed(1)}/s, writer CPU ${writerMs.toFixed(1)} ms per article, search upkeep ${upkeepSeconds.toFixed(1)} s (load ${load()})\n`
    )
    // A failure is a finding, not noise: name each (generated news should never fail to import).
    for (const f of report.failed) process.stdout.write(`  failed: ${f.path}: ${f.code}: ${f.message}\n`)
    if (statements) process.stdout.write(statements.report(Math.max(1, report.added.length)) + '\n')
    // On crossing each multiple of --size-every: a chunk of another size can leave the count off them.
    if (Math.floor(to / sizeEvery) > Math.floor(from / sizeEvery) || to === total) {
      archive.db.pragma('wal_checkpoint(TRUNCATE)')
      process.stdout.write(formatSizeReport(sizeReport(archive.db)) + '\n')
    }
  }
  const first = state.chunks[0]
  const last = state.chunks.at(-1)
  if (first && last && first !== last) {
    process.stdout.write(`throughput: first chunk ${first.perSecond.toFixed(1)}/s, last ${last.perSecond.toFixed(1)}/s (${((last.perSecond / first.perSecond) * 100).toFixed(0)}%)\n`)
  }
} finally {
  archive.close()
}

if (state.done >= total && !values['no-search']) {
  const archiveDir = join(root, 'archive')
  // Each in a process of its own, as a user's session starts cold; --serve spawns the built CLI.
  const bench = (script: string, ...args: string[]): void => {
    process.stdout.write(`at ${state.done} articles: ${script} ${args.join(' ')}\n`)
    const run = spawnSync(process.execPath, [...process.execArgv, `scripts/${script}`, archiveDir, ...args], { stdio: 'inherit' })
    if (run.status !== 0) process.stdout.write(`  (exited with ${run.status ?? run.signal})\n`)
  }
  bench('bench-scale-search.ts', '--queries', '1000')
  if (existsSync(join('out', 'main', 'cli.js'))) bench('bench-scale-search.ts', '--serve', '--queries', '1000', '--rounds', '3')
  else process.stdout.write('search through `annalist serve` left out: build first (npm run build)\n')
  bench('bench-workbench.ts')
}
