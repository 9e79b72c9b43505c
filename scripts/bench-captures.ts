/**
 * Web archives through the importer: a generated crawl of N pages (default 500, each a 200 HTML
 * response with its request, plus a redirect, two assets, a 404 and a revisit), gzipped record by
 * record, parsed alone (pages/s) and imported into a temp archive with one parse worker (pages/s,
 * progress reports, peak memory of the importer and its worker, PSS summed every 100 ms).
 * Targets: every page imported, progress reported while the file is parsed, the tree under 400 MB.
 * Run: `npx tsx scripts/bench-captures.ts [--pages 500]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openArchive } from '../src/main/archive/archive'
import { parseImportFile } from '../src/main/import/formats'
import { runImport } from '../src/main/import/pipeline'
import { treeMemoryKb } from '../src/main/platform/proc'
import { makeWarc, type CrawlPage } from '../test/support/import/make-captures'
import { mulberry32 } from './bench/prng'

const at = process.argv.indexOf('--pages')
const count = at >= 0 ? Number(process.argv[at + 1]) : 500
const WORDS = 'harbour quay crane ferry council storm repairs winter terminal crew island lighthouse breakwater vote budget timetable container pilot tug berth cargo inspector union shift tide'.split(' ')
const random = mulberry32(19)
const sentence = (): string => {
  const n = 14 + Math.floor(random() * 12)
  const words = Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]!)
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`
}
const pages: CrawlPage[] = Array.from({ length: count }, (_, i) => ({
  url: `https://courier.example/news/story-${i + 1}`,
  date: new Date(Date.UTC(2021, 7, 31, 14, 0, i)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  title: `Harbour story number ${i + 1}`,
  paragraphs: Array.from({ length: 6 }, () => Array.from({ length: 3 }, sentence).join(' '))
}))
const warc = makeWarc({ gzip: true, pages })
console.log(`crawl: ${count} pages, ${(warc.length / 1e6).toFixed(1)} MB gzipped`)

let start = performance.now()
const parsed = await parseImportFile({ name: 'crawl.warc.gz', bytes: warc, mtime: null })
let seconds = (performance.now() - start) / 1000
console.log(`parse alone:  ${parsed.parts.length} articles in ${seconds.toFixed(2)} s, ${(parsed.parts.length / seconds).toFixed(0)} pages/s`)

const dir = mkdtempSync(join(tmpdir(), 'annalist-bench-captures-'))
try {
  writeFileSync(join(dir, 'crawl.warc.gz'), warc)
  const archive = openArchive(join(dir, 'archive'))
  let peakKb = 0
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, treeMemoryKb(process.pid).pssKb)
  }, 100)
  const progress: string[] = []
  start = performance.now()
  const report = await runImport(archive, [{ kind: 'path', path: join(dir, 'crawl.warc.gz') }], {
    workers: 1,
    onProgress: (p) => progress.push(p.current ?? '')
  })
  seconds = (performance.now() - start) / 1000
  clearInterval(sampler)
  archive.close()
  const during = progress.filter((c) => /\(record \d+\)$/.test(c)).length
  console.log(`import:       ${report.added.length} articles in ${seconds.toFixed(2)} s, ${(report.added.length / seconds).toFixed(0)} pages/s, ${during} progress reports while parsing`)
  console.log(`peak memory:  ${(peakKb / 1024).toFixed(0)} MB (PSS of the importer and its worker)`)
  console.log(`passed over:  ${JSON.stringify(report.passedOver[0]?.counts ?? {})}`)
  const ok = report.added.length === count && report.failed.length === 0 && during > 0 && peakKb / 1024 < 400
  console.log(ok ? 'targets met' : 'TARGETS MISSED')
  process.exitCode = ok ? 0 : 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
