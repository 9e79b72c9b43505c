/**
 * Issue 17: import throughput, archive size and search at scale on the synthetic news corpus
 * (scripts/bench/news-corpus.ts). Plain-text and saved-page files are imported apart, each into
 * a fresh archive through the real pipeline (parse workers, originals fsynced) as the app
 * imports, its search upkeep running meanwhile (bench/app-import.ts), then the sizes
 * of every table and index are printed against the clean text.
 *
 *   npx tsx scripts/bench-scale.ts                       # 5,000 text + 1,000 saved pages
 *   npx tsx scripts/bench-scale.ts --text 2000 --html 300 --keep
 *   npx tsx scripts/bench-scale.ts --built               # parse workers from `npm run build`
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../src/main/archive/archive'
import { importAsTheApp } from './bench/app-import'
import { importWorkers } from './bench/built-worker'
import { treeCpuSeconds } from '../src/main/platform/proc'
import { formatSizeReport, sizeReport } from './bench/db-size'
import { NEWS_CORPUS_VERSION, writeNewsCorpus } from './bench/news-corpus'

const TARGETS = { text: 300, html: 120, sizeRatio: 2.5 }

const { values } = parseArgs({
  options: {
    text: { type: 'string', default: '5000' },
    html: { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
    // Parse workers from the build (`npm run build` first), as `npm run bench` runs it.
    built: { type: 'boolean', default: false }
  }
})
const workerOptions = importWorkers(values.built)
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ')

const root = join(tmpdir(), `annalist-bench-scale-v${NEWS_CORPUS_VERSION}`)

/** Writes (once) a corpus of `count` files of one kind; the generator interleaves kinds, so it scans on. */
function corpus(kind: 'text' | 'html', count: number): string {
  const dir = join(root, `${kind}-${count}`)
  if (existsSync(join(dir, 'done'))) return join(dir, 'files')
  rmSync(dir, { recursive: true, force: true })
  process.stderr.write(`generating ${count} ${kind} files in ${dir}…\n`)
  // One article in five is a saved page: scan far enough to find `count` of the kind wanted.
  let to = Math.ceil(count * (kind === 'html' ? 5.5 : 1.35))
  for (;;) {
    rmSync(join(dir, 'files'), { recursive: true, force: true })
    if (writeNewsCorpus(join(dir, 'files'), { to, only: kind }).files >= count) break
    to = Math.ceil(to * 1.1)
  }
  mkdirSync(join(dir, 'done'))
  return join(dir, 'files')
}

for (const kind of ['text', 'html'] as const) {
  const count = Number(values[kind])
  if (count === 0) continue
  const files = corpus(kind, count)
  const archiveDir = join(root, `archive-${kind}-${count}`)
  rmSync(archiveDir, { recursive: true, force: true })
  const archive = openArchive(archiveDir)
  const loadBefore = load()
  const t0 = performance.now()
  const cpu0 = treeCpuSeconds(process.pid)
  const main0 = process.threadCpuUsage()
  const report = await importAsTheApp(archive, [{ kind: 'path', path: files }], workerOptions)
  const seconds = (performance.now() - t0) / 1000
  const cpu = treeCpuSeconds(process.pid) - cpu0
  const main = process.threadCpuUsage(main0)
  const added = report.added.length
  const perSecond = added / seconds
  archive.db.pragma('wal_checkpoint(TRUNCATE)')
  const size = sizeReport(archive.db)
  archive.close()
  const verdict = perSecond >= TARGETS[kind] ? 'meets' : 'BELOW'
  process.stdout.write(
    `\n${kind}: ${added}/${added + report.duplicates.length + report.failed.length} added in ${seconds.toFixed(1)} s = ${perSecond.toFixed(1)} articles/s (${verdict} target ${TARGETS[kind]}/s); ` +
      `CPU ms per article ${((cpu * 1000) / added).toFixed(1)} (main thread ${(((main.user + main.system) / 1000) / added).toFixed(1)}); ` +
      `${report.nearDuplicates.length} near-duplicate links; failed ${report.failed.length}; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; load ${loadBefore} → ${load()}\n`
  )
  process.stdout.write(formatSizeReport(size) + '\n')
  const ratio = size.totalBytes / size.cleanTextBytes
  process.stdout.write(`size: ${ratio.toFixed(2)}× clean text (${ratio <= TARGETS.sizeRatio ? 'meets' : 'ABOVE'} target ${TARGETS.sizeRatio}×)\n`)
  writeFileSync(join(root, `result-${kind}-${count}.json`), JSON.stringify({ kind, count, added, seconds, perSecond, cpu, size, load: loadavg() }))
  if (!values.keep) rmSync(archiveDir, { recursive: true, force: true })
}
