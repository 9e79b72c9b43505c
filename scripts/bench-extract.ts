/**
 * Scores HTML body extraction on the two shared benchmarks, read in place:
 * ../shared/bench/article-extraction (181 pages) and ../shared/bench/article-extraction-2 (160
 * pages from Dragnet and WCXB that extraction was never tuned on). For each it writes
 * bench-results/extract-<benchmark>.json, prints pages/s with the machine's load, then the
 * benchmark's own scorer (shingle F1; the second one per source too), next to Readability.js
 * alone on the same pages.
 *
 *   npx tsx scripts/bench-extract.ts [--pages N] [--only article-extraction-2] [--no-readability]
 *
 * --pages N also lists each benchmark's N worst pages by shingle F1, with precision and recall.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { Readability } from '@mozilla/readability'
import { parseHtml } from '../src/main/import/formats/html'
import { decodeHtml } from '../src/main/import/html/decode'
import { parseDocument } from '../src/main/import/html/dom'
import { ImportError } from '../src/main/import/errors'

const { values } = parseArgs({
  options: { pages: { type: 'string' }, only: { type: 'string' }, 'no-readability': { type: 'boolean', default: false } }
})
const worst = values.pages === undefined ? 0 : Number(values.pages)

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const shared = resolve(repo, '..', 'shared', 'bench')
/** The benchmarks and the folder holding each one's gzipped pages. */
const BENCHMARKS = [
  { name: 'article-extraction', pages: 'html' },
  { name: 'article-extraction-2', pages: 'pages' }
].filter((b) => !values.only || b.name === values.only)
/** The second benchmark's scorer reads any ground truth and can list pages; the metric is the same. */
const pageScorer = join(shared, 'article-extraction-2', 'score.py')

type Predictions = Record<string, { articleBody: string }>

function readabilityAlone(raw: Uint8Array): string {
  const doc = parseDocument(decodeHtml(raw).text)
  const result = new Readability(doc as never).parse()
  return result?.textContent ?? ''
}

function score(scorer: string, file: string, extra: string[] = []): string {
  const run = spawnSync('python3', [scorer, file, ...extra], { encoding: 'utf8' })
  if (run.status !== 0) {
    console.error(run.stderr || `${scorer} exited with ${run.status}`)
    process.exit(1)
  }
  return run.stdout
}

/** The n worst pages by shingle F1, scored by the second benchmark's own per-page functions. */
function worstPages(truthFile: string, predictionsFile: string, n: number): string {
  const program = [
    'import json, sys',
    'sys.path.insert(0, sys.argv[1])',
    'import score',
    'res = score.evaluate(json.load(open(sys.argv[2])), json.load(open(sys.argv[3])))',
    'for r in sorted(res["pages"], key=lambda r: r["sf1"])[:int(sys.argv[4])]:',
    '    p, q = r["sp"], r["sr"]',
    '    print(f"    {r[\'sf1\']:.3f}  P {p if p is None else round(p, 3)}  R {q if q is None else round(q, 3)}  words {r[\'words\']}  {r[\'id\']}  {r[\'url\']}")'
  ].join('\n')
  const run = spawnSync('python3', ['-c', program, dirname(pageScorer), truthFile, predictionsFile, String(n)], { encoding: 'utf8' })
  if (run.status !== 0) {
    console.error(run.stderr)
    process.exit(1)
  }
  return run.stdout
}

/** A scorer's lines, indented under a label. */
function table(label: string, out: string): void {
  console.log(`  ${label}`)
  for (const line of out.trim().split('\n')) console.log(`    ${line}`)
}

const outDir = join(repo, 'bench-results')
mkdirSync(outDir, { recursive: true })
let missingData = false
for (const bench of BENCHMARKS) {
  const dir = join(shared, bench.name)
  const htmlDir = join(dir, bench.pages)
  const scorer = join(dir, 'score.py')
  const truthFile = join(dir, 'ground-truth.json')
  if (!existsSync(htmlDir) || !existsSync(scorer) || !existsSync(truthFile)) {
    console.error(`bench:extract needs the benchmark data at ${dir} (${bench.pages}/, ground-truth.json, score.py); it is not there.`)
    missingData = true
    continue
  }
  const files = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort()
  const pages = files.map((file) => ({ id: file.slice(0, -'.html.gz'.length), file, raw: gunzipSync(readFileSync(join(htmlDir, file))) }))
  const predictions: Predictions = {}
  const failures: string[] = []
  const loadBefore = loadavg()[0]!
  const started = process.hrtime.bigint()
  let bytes = 0
  for (const { id, file, raw } of pages) {
    bytes += raw.length
    try {
      const article = parseHtml(new Uint8Array(raw), file)
      predictions[id] = { articleBody: article.paragraphs.map((p) => p.text).join('\n\n') }
    } catch (err) {
      if (!(err instanceof ImportError)) throw err
      failures.push(`${file}: ${err.code} ${err.message}`)
      predictions[id] = { articleBody: '' }
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const outFile = join(outDir, `extract-${bench.name}.json`)
  writeFileSync(outFile, JSON.stringify(predictions, null, 1))

  console.log(`\n${bench.name}: ${files.length} pages, failed ${failures.length}`)
  for (const f of failures) console.log(`  ${f}`)
  // Throughput depends on what else the machine runs; the load average says how busy it was.
  console.log(
    `  extraction ${seconds.toFixed(2)} s (${(files.length / seconds).toFixed(1)} pages/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s, one thread; load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)})`
  )
  table('product', score(scorer, outFile))

  if (!values['no-readability']) {
    const alone: Predictions = {}
    for (const { id, raw } of pages) alone[id] = { articleBody: readabilityAlone(new Uint8Array(raw)) }
    const aloneFile = join(outDir, `extract-${bench.name}-readability.json`)
    writeFileSync(aloneFile, JSON.stringify(alone, null, 1))
    table('Readability.js alone', score(scorer, aloneFile))
  }

  if (worst > 0 && existsSync(pageScorer)) {
    console.log(`  worst ${worst} pages (shingle F1, precision, recall, words extracted)`)
    process.stdout.write(worstPages(truthFile, outFile, worst))
  }
}
if (missingData) process.exit(2)
