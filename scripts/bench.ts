/**
 * `npm run bench`: every benchmark, one after the other, each printing its own table against its
 * targets. `--only search,import` picks some; other arguments go to the search benchmark
 * (e.g. `--sizes 10000` for a quicker run). Needs the build (the npm script makes it first).
 */
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'

const BENCHES: { name: string; script: string; args: string[]; what: string }[] = [
  { name: 'search', script: 'scripts/bench-search.ts', args: [], what: 'search at 10,000 and 100,000 articles vs minisearch and LIKE (issue 5)' },
  {
    name: 'search-quality',
    script: 'scripts/bench-search-quality.ts',
    args: [],
    what: 'fuzzy recall of true spellings and precision of articles vs exact and edit distance (issue 20)'
  },
  { name: 'import', script: 'scripts/bench-import.ts', args: ['--built'], what: 'import throughput, 5,000 text and 1,000 HTML files (issue 4)' },
  {
    name: 'scale',
    script: 'scripts/bench-scale.ts',
    args: ['--built'],
    what: 'import throughput and bytes per table on generated news: 5,000 texts and 1,000 saved pages (issue 17)'
  },
  {
    name: 'near-recall',
    script: 'scripts/bench-near-recall.ts',
    args: [],
    what: 'near-duplicate recall of copies, edits and quotes of 3,000 generated news paragraphs (issue 17)'
  },
  { name: 'extract', script: 'scripts/bench-extract.ts', args: [], what: 'HTML body extraction F1 on 181 + 160 real pages (issues 4, 14)' },
  { name: 'dates', script: 'scripts/bench-dates.ts', args: [], what: 'date proposals vs TIMEX3 gold on 140 annotated news articles (issue 14)' },
  { name: 'entities', script: 'scripts/bench-entities.ts', args: [], what: 'people, organisations and places vs MEANTIME names in 120 news articles (issue 18)' },
  { name: 'ocr', script: 'scripts/bench-ocr.ts', args: [], what: 'OCR error rates and pages/s on pages rendered from known text (issue 19)' },
  { name: 'ui', script: 'scripts/bench-ui.ts', args: [], what: 'keystroke to rendered results at 10,000 articles (issue 8)' },
  { name: 'chronology', script: 'scripts/bench-chronology.ts', args: [], what: 'chronology operations over 2,000 events (issue 6)' },
  { name: 'export', script: 'scripts/bench-export.ts', args: [], what: 'every export format over 2,000 events (issue 7)' },
  { name: 'archive', script: 'scripts/bench-archive.ts', args: [], what: 'check, backup and restore of 5,000 articles (issue 3)' },
  { name: 'captures', script: 'scripts/bench-captures.ts', args: [], what: 'a 500-page WARC parsed and imported, with progress and peak memory (issue 19)' },
  {
    name: 'responsiveness',
    script: 'scripts/bench-responsiveness.ts',
    args: [],
    what: 'search every 20 ms during check + backup + a 5,000-file import on 20,000 articles (issue 15)'
  }
]

const argv = process.argv.slice(2)
const onlyAt = argv.indexOf('--only')
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : null
const searchArgs = onlyAt >= 0 ? argv.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : argv

const results: { name: string; status: string; seconds: number }[] = []
for (const bench of BENCHES) {
  if (only && !only.has(bench.name)) continue
  console.log(`\n=== bench ${bench.name}: ${bench.what} (load ${loadavg()[0]!.toFixed(1)}) ===`)
  const started = Date.now()
  const args = bench.name === 'search' ? [...bench.args, ...searchArgs] : bench.args
  const r = spawnSync('npx', ['tsx', bench.script, ...args], { stdio: 'inherit' })
  results.push({ name: bench.name, status: r.status === 0 ? 'ok' : `exit ${r.status ?? r.signal}`, seconds: (Date.now() - started) / 1000 })
}
console.log('\nbenchmark   status   seconds')
for (const r of results) console.log(`${r.name.padEnd(11)} ${r.status.padEnd(8)} ${r.seconds.toFixed(0)}`)
process.exit(results.every((r) => r.status === 'ok') ? 0 : 1)
