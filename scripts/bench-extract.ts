/**
 * Scores HTML body extraction on ../shared/bench/article-extraction (181 real pages): writes
 * bench-results/extract-predictions.json and prints the benchmark's own shingle F1.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { parseHtml } from '../src/main/import/formats/html'
import { ImportError } from '../src/main/import/errors'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const benchDir = resolve(repo, '..', 'shared', 'bench', 'article-extraction')
const htmlDir = join(benchDir, 'html')
const scorer = join(benchDir, 'score.py')
if (!existsSync(htmlDir) || !existsSync(scorer) || !existsSync(join(benchDir, 'ground-truth.json'))) {
  console.error(`bench:extract needs the benchmark data at ${benchDir} (html/, ground-truth.json, score.py); it is not there.`)
  process.exit(2)
}

const truth = JSON.parse(readFileSync(join(benchDir, 'ground-truth.json'), 'utf8')) as Record<string, unknown>
const files = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort()
const predictions: Record<string, { articleBody: string }> = {}
const failures: string[] = []
const loadBefore = loadavg()[0]!
const started = process.hrtime.bigint()
let bytes = 0
for (const file of files) {
  const id = file.slice(0, -'.html.gz'.length)
  const raw = gunzipSync(readFileSync(join(htmlDir, file)))
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
const missing = Object.keys(truth).filter((k) => !(k in predictions))

const outDir = join(repo, 'bench-results')
mkdirSync(outDir, { recursive: true })
const outFile = join(outDir, 'extract-predictions.json')
writeFileSync(outFile, JSON.stringify(predictions, null, 1))

console.log(`pages ${files.length}  failed ${failures.length}  missing ${missing.length}`)
for (const f of failures) console.log(`  ${f}`)
// Throughput depends on what else the machine runs; the load average says how busy it was.
console.log(
  `extraction ${seconds.toFixed(2)} s  (${(files.length / seconds).toFixed(1)} pages/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s, one thread; load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)})`
)
const scored = spawnSync('python3', [scorer, outFile], { encoding: 'utf8' })
if (scored.status !== 0) {
  console.error(scored.stderr || `score.py exited with ${scored.status}`)
  process.exit(1)
}
process.stdout.write(scored.stdout)
if (scored.stderr) process.stderr.write(scored.stderr)
