/**
 * Date proposals against annotated news (../shared/bench/temporal: 120 MEANTIME and 20 TempEval-3
 * platinum articles, each with its document date): runs the product's extractor with the document
 * date as reference, and chrono-node alone on the same text, then prints that folder's scorer
 * figures — value-F1, precision, recall — per set and recall per precision (day, month, year).
 *
 *   npx tsx scripts/bench-dates.ts [--errors] [--set meantime|te3-platinum]
 *
 * --errors also lists the product's misses, wrong values and false proposals (the scorer's own list).
 * Predictions are written to bench-results/ for a closer look; the corpus is read in place.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import * as chrono from 'chrono-node'
import { extractDateCandidates } from '../src/main/chronology/proposals/extract'
import { deriveEdtf } from '../src/shared/edtf'

const { values } = parseArgs({ options: { errors: { type: 'boolean', default: false }, set: { type: 'string' } } })

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const benchDir = resolve(repo, '..', 'shared', 'bench', 'temporal')
const corpusFile = join(benchDir, 'corpus.json')
if (!existsSync(corpusFile) || !existsSync(join(benchDir, 'score.py'))) {
  console.error(`bench:dates needs the benchmark data at ${benchDir} (corpus.json, score.py); it is not there.`)
  process.exit(2)
}

interface Doc {
  id: string
  set: string
  dct: string
  text: string
}
interface Proposal {
  start: number
  end: number
  earliest: string
  latest: string
  edtf?: string
  exact?: string
}
type Predictions = Record<string, { text: null; proposals: Proposal[] }>

const docs = (JSON.parse(readFileSync(corpusFile, 'utf8')) as { docs: Doc[] }).docs.filter((d) => !values.set || d.set === values.set)

function dct(d: Doc): { year: number; month: number; day: number } {
  const [year, month, day] = d.dct.split('-').map(Number) as [number, number, number]
  return { year, month, day }
}

function product(d: Doc): Proposal[] {
  return extractDateCandidates(d.text, { reference: dct(d), language: 'en' }).map((c) => {
    const range = deriveEdtf(c.edtf)
    return { start: c.at.start, end: c.at.end, earliest: range.earliest, latest: range.latest, edtf: c.edtf, exact: c.expression }
  })
}

const iso = (t: Date): string => t.toISOString().slice(0, 10)

/** chrono-node as it comes: every result, at the finest unit it is certain of (a day when it only implies one). */
function chronoAlone(d: Doc): Proposal[] {
  const { year, month, day } = dct(d)
  const instant = new Date(Date.UTC(year, month - 1, day, 12))
  return chrono.en.casual.parse(d.text, { instant, timezone: 0 }).map((r) => {
    const s = r.start
    const at = s.date()
    const y = at.getUTCFullYear()
    const m = at.getUTCMonth()
    let earliest = iso(at)
    let latest = r.end ? iso(r.end.date()) : earliest
    if (!s.isCertain('day') && !s.isCertain('weekday') && s.isCertain('month')) {
      earliest = iso(new Date(Date.UTC(y, m, 1)))
      latest = iso(new Date(Date.UTC(y, m + 1, 0)))
    } else if (!s.isCertain('day') && !s.isCertain('weekday') && !s.isCertain('month') && s.isCertain('year')) {
      earliest = `${y}-01-01`
      latest = `${y}-12-31`
    }
    return { start: r.index, end: r.index + r.text.length, earliest, latest, exact: r.text }
  })
}

function predict(fn: (d: Doc) => Proposal[]): Predictions {
  return Object.fromEntries(docs.map((d) => [d.id, { text: null, proposals: fn(d) }]))
}

const outDir = join(repo, 'bench-results')
mkdirSync(outDir, { recursive: true })
const productFile = join(outDir, 'dates-product.json')
const chronoFile = join(outDir, 'dates-chrono.json')
const subsetFile = join(outDir, 'dates-corpus-ids.json')
writeFileSync(productFile, JSON.stringify(predict(product)))
writeFileSync(chronoFile, JSON.stringify(predict(chronoAlone)))
writeFileSync(subsetFile, JSON.stringify(docs.map((d) => d.id)))

// The folder's scorer, used as a module so each set gets its own figures.
const SCORE = `
import json, sys
sys.path.insert(0, sys.argv[1])
import score
corpus = json.load(open(sys.argv[2], encoding='utf8'))['docs']
ids = set(json.load(open(sys.argv[5], encoding='utf8')))
corpus = [d for d in corpus if d['id'] in ids]
runs = [('product', json.load(open(sys.argv[3], encoding='utf8'))), ('chrono-node alone', json.load(open(sys.argv[4], encoding='utf8')))]
print(f"{'set':<13} {'system':<18} {'F1':>6} {'P':>6} {'R':>6}   recall day / month / year")
for s in sorted({d['set'] for d in corpus}) + ['all']:
    docs = [d for d in corpus if s == 'all' or d['set'] == s]
    for name, preds in runs:
        res = score.score(docs, preds)
        prec = '  '.join(f"{res['by_prec_hit'][k]}/{res['by_prec'][k]}" for k in score.PRECISIONS)
        print(f"{s:<13} {name:<18} {res['F1']:6.3f} {res['P']:6.3f} {res['R']:6.3f}   {prec}")
res = score.score(corpus, runs[0][1])
print()
print('\\n'.join(score.report('product', res)))
if sys.argv[6] == '1':
    print('\\n'.join(score.errors(res)))
`
const scored = spawnSync('python3', ['-c', SCORE, benchDir, corpusFile, productFile, chronoFile, subsetFile, values.errors ? '1' : '0'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024
})
if (scored.status !== 0) {
  console.error(scored.stderr || `score.py exited with ${scored.status}`)
  process.exit(1)
}
process.stdout.write(scored.stdout)
console.log('\ngoal (issue 14): value-F1 ≥ 0.90 with precision ≥ 0.93 on meantime and on te3-platinum, each')
