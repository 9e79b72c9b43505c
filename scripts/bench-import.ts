/**
 * Import throughput: 5,000 plain-text and 1,000 HTML articles generated from the Brown corpus,
 * each set imported into a fresh archive on disk through the real pipeline (worker pool, one
 * transaction per file, originals fsynced). Prints articles/second against the targets.
 *
 *   npm run bench:import                          # builds, then times the built CLI (what users run)
 *   npx tsx scripts/bench-import.ts               # from source: runImport in this process (tsx
 *                                                 # workers start slower; main-thread CPU reported)
 *   npm run bench:import -- --text 1000 --html 200
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../src/main/archive/archive'
import { runImport } from '../src/main/import/pipeline'
import { treeCpuSeconds, treeMemoryKb } from '../src/main/platform/proc'
import { CORPUS_VERSION, writeImportCorpus } from './bench/import-corpus'

const TARGETS = { text: 300, html: 40 }

const { values } = parseArgs({
  options: {
    text: { type: 'string', default: '5000' },
    html: { type: 'string', default: '1000' },
    built: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false }
  }
})
const counts = { text: Number(values.text), html: Number(values.html) }
// Bump CORPUS_VERSION when the generator changes, so a cached corpus is not reused.
const root = join(tmpdir(), `annalist-bench-import-v${CORPUS_VERSION}-${counts.text}-${counts.html}`)
if (!existsSync(join(root, 'done'))) {
  rmSync(root, { recursive: true, force: true })
  process.stderr.write(`generating ${counts.text} text and ${counts.html} HTML articles in ${root}…\n`)
  writeImportCorpus(join(root, 'corpus'), counts)
  mkdirSync(join(root, 'done'))
}

interface Result {
  set: 'text' | 'html'
  files: number
  added: number
  duplicates: number
  failed: number
  nearDuplicates: number
  seconds: number
  perSecond: number
  /** CPU seconds of the importing process and its parse worker processes per 1,000 articles added. */
  cpuPer1000: number | null
  /** CPU seconds of the main thread alone (reading, hashing, SQLite writes) per 1,000 added. */
  mainCpuPer1000: number | null
  /** Peak memory (PSS) of the importing CLI process and its parse workers (built mode). */
  peakRssMb?: number | null
  failures: Record<string, number>
}

async function fromSource(set: 'text' | 'html', dir: string, archiveDir: string): Promise<Result> {
  const archive = openArchive(archiveDir)
  try {
    const t0 = performance.now()
    const cpu0 = treeCpuSeconds(process.pid)
    const main0 = process.threadCpuUsage()
    const report = await runImport(archive, [{ kind: 'path', path: dir }])
    const seconds = (performance.now() - t0) / 1000
    // The parse workers have been reaped by now, so their time is in this process's children's.
    const cpu = treeCpuSeconds(process.pid) - cpu0
    const main = process.threadCpuUsage(main0)
    return summarise(set, report, seconds, { total: cpu, main: (main.user + main.system) / 1e6 })
  } finally {
    archive.close()
  }
}

async function viaBuiltCli(set: 'text' | 'html', dir: string, archiveDir: string): Promise<Result> {
  const cli = resolve(import.meta.dirname, '../bin/annalist.js')
  const t0 = performance.now()
  const child = spawn(process.execPath, [cli, 'import', dir, '--json', '--archive', archiveDir], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  // The child's CPU time is sampled while it runs; the last 50 ms before it exits are missed.
  // The import is the CLI plus its parse worker processes: CPU and memory of the whole tree.
  let cpu: number | null = null
  let rss: number | null = null
  const sampler = setInterval(() => {
    cpu = treeCpuSeconds(child.pid!) || cpu
    const pss = treeMemoryKb(child.pid!).pssKb
    if (pss > 0) rss = Math.max(rss ?? 0, Math.round(pss / 1024))
  }, 250)
  const status = await new Promise<number | null>((done) => child.on('close', done))
  clearInterval(sampler)
  const seconds = (performance.now() - t0) / 1000
  if (status !== 0 && !stdout) throw new Error(`annalist import failed: ${stderr}`)
  return { ...summarise(set, JSON.parse(stdout), seconds, cpu === null ? null : { total: cpu, main: null }), peakRssMb: rss }
}

function summarise(
  set: 'text' | 'html',
  report: { added: unknown[]; duplicates: unknown[]; failed: { code: string }[]; nearDuplicates: unknown[] },
  seconds: number,
  cpuSeconds: { total: number; main: number | null } | null
): Result {
  const per1000 = (cpu: number | null | undefined): number | null =>
    cpu === undefined || cpu === null || report.added.length === 0 ? null : Math.round((cpu / report.added.length) * 1e5) / 100
  const failures: Record<string, number> = {}
  for (const f of report.failed) failures[f.code] = (failures[f.code] ?? 0) + 1
  return {
    set,
    files: report.added.length + report.duplicates.length + report.failed.length,
    added: report.added.length,
    duplicates: report.duplicates.length,
    failed: report.failed.length,
    nearDuplicates: report.nearDuplicates.length,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round((report.added.length / seconds) * 10) / 10,
    cpuPer1000: per1000(cpuSeconds?.total),
    mainCpuPer1000: per1000(cpuSeconds?.main),
    failures
  }
}

const results: Result[] = []
for (const set of ['text', 'html'] as const) {
  if (counts[set] === 0) continue
  const archiveDir = join(root, `archive-${set}`)
  rmSync(archiveDir, { recursive: true, force: true })
  const dir = join(root, 'corpus', set)
  const result = values.built ? await viaBuiltCli(set, dir, archiveDir) : await fromSource(set, dir, archiveDir)
  results.push(result)
  const verdict = result.perSecond >= TARGETS[set] ? 'meets' : 'BELOW'
  process.stdout.write(
    `${set.padEnd(4)}  ${result.added}/${result.files} added in ${result.seconds} s = ${result.perSecond} articles/s ` +
      `(${verdict} target ${TARGETS[set]}/s); CPU s per 1,000: ${result.cpuPer1000 ?? '?'} (main thread ${result.mainCpuPer1000 ?? '?'}); ` +
      `${result.nearDuplicates} near-duplicate links; failed ${JSON.stringify(result.failures)}\n`
  )
  if (!values.keep) rmSync(archiveDir, { recursive: true, force: true })
}
process.stdout.write(
  JSON.stringify({
    cores: availableParallelism(),
    // Peak resident memory of this process, without its parse workers (source mode; built mode reports the whole tree per set).
    peakRssMb: values.built ? null : Math.round(process.resourceUsage().maxRSS / 1024),
    loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
    mode: values.built ? 'built CLI' : 'source (tsx)',
    results
  }) + '\n'
)
