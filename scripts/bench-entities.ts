/**
 * People, organisations and places against annotated news (../shared/bench/entities: 120 MEANTIME
 * Wikinews articles, PER/ORG/LOC mentions): runs the extractor on each body, writes the predictions
 * in that folder's scorer format to bench-results/, prints the scorer's precision / recall / F1 per
 * type (relaxed is the headline), then throughput on 1,000 generated news articles on this one
 * core, and what the gazetteers cost in time and memory on first use.
 *
 *   npx tsx scripts/bench-entities.ts [--errors] [--all-mentions] [--paragraphs] [--n 1000]
 *
 * --paragraphs extracts each paragraph on its own, without what the rest of the article says.
 *
 * The corpus is read in place; nothing of it is copied into the repository.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { extractMentions, type NamedKind, type RawMention } from '../src/main/entities/extract/index'
import { corpusArticles } from './bench/corpus'

const { values } = parseArgs({
  options: {
    errors: { type: 'boolean', default: false },
    'all-mentions': { type: 'boolean', default: false },
    paragraphs: { type: 'boolean', default: false },
    n: { type: 'string', default: '1000' }
  }
})

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const benchDir = resolve(repo, '..', 'shared', 'bench', 'entities')
const corpusFile = join(benchDir, 'corpus.json')
if (!existsSync(corpusFile) || !existsSync(join(benchDir, 'score.py'))) {
  console.error(`bench:entities needs the benchmark data at ${benchDir} (corpus.json, score.py); it is not there.`)
  process.exit(2)
}

const TYPE: Record<NamedKind, string> = { person: 'PER', org: 'ORG', place: 'LOC' }

// First use loads the gazetteers and name lists: measured apart from the throughput.
const heapBefore = process.memoryUsage().heapUsed
const rssBefore = process.memoryUsage().rss
let t = performance.now()
extractMentions('Warm-up in Paris.', 'en')
const loadMs = performance.now() - t
const heapCost = (process.memoryUsage().heapUsed - heapBefore) / 1e6
const rssCost = (process.memoryUsage().rss - rssBefore) / 1e6

const docs = (JSON.parse(readFileSync(corpusFile, 'utf8')) as { docs: { id: string; text: string }[] }).docs
const predictions: Record<string, { text: null; mentions: { start: number; end: number; type: string }[] }> = {}
/** Each paragraph alone, offsets moved back into the body. */
function byParagraph(text: string): RawMention[] {
  const out: RawMention[] = []
  let at = 0
  for (const p of text.split('\n\n')) {
    for (const m of extractMentions(p, 'en')) out.push({ ...m, start: m.start + at, end: m.end + at })
    at += p.length + 2
  }
  return out
}
for (const d of docs) {
  const found = values.paragraphs ? byParagraph(d.text) : extractMentions(d.text, 'en')
  predictions[d.id] = { text: null, mentions: found.map((m) => ({ start: m.start, end: m.end, type: TYPE[m.kind] })) }
}
const outDir = join(repo, 'bench-results')
mkdirSync(outDir, { recursive: true })
const predFile = join(outDir, 'entities-predictions.json')
writeFileSync(predFile, JSON.stringify(predictions))
const flags = [values.errors ? '--errors' : '', values['all-mentions'] ? '--all-mentions' : ''].filter(Boolean)
console.log(`MEANTIME entities, ${docs.length} articles${values.paragraphs ? ', each paragraph read alone' : ''} (scorer: ${join(benchDir, 'score.py')})`)
const scored = spawnSync('python3', [join(benchDir, 'score.py'), corpusFile, predFile, ...flags], { stdio: 'inherit' })
if (scored.status !== 0) process.exit(scored.status ?? 1)

const articles = [...corpusArticles({ n: Number(values.n), seed: 1861 })].map((a) => [a.title, ...a.paragraphs].join('\n\n'))
const words = articles.reduce((n, a) => n + a.split(/\s+/).length, 0)
let mentions = 0
t = performance.now()
const cpu = process.cpuUsage()
for (const a of articles) mentions += extractMentions(a, 'en').length
const seconds = (performance.now() - t) / 1000
// CPU time of this thread's process: what the extractor costs a parse worker, less the other jobs' share of the cores.
const used = process.cpuUsage(cpu)
const cpuSeconds = (used.user + used.system) / 1e6
const at800 = (s: number): string => (words / s / 800).toFixed(0)
console.log(`\nthroughput: ${articles.length} generated articles (${(words / articles.length).toFixed(0)} words each), ${mentions} mentions`)
console.log(`  wall ${seconds.toFixed(2)} s: ${(articles.length / seconds).toFixed(0)} articles/s, ${at800(seconds)} articles/s at 800 words`)
console.log(`  CPU ${cpuSeconds.toFixed(2)} s: ${at800(cpuSeconds)} articles/s at 800 words per core (target ≥ 300)`)
console.log(`first use (gazetteers, name lists): ${loadMs.toFixed(0)} ms, heap +${heapCost.toFixed(1)} MB, rss +${rssCost.toFixed(1)} MB`)
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`)
