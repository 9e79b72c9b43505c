/**
 * The workbench's reads at scale (issue 17): on an archive built by bench:million or bench:scale,
 * every read a user's click or keystroke sends through the contract (the library by each sort, an
 * article, the entity lists and prefixes, an entity's page and graph, the map, suggestions, filters
 * on a name), through the backend as both transports call it, in this process. Each call is made
 * three times: the first call, then the median and slowest of the others, beside the 100 ms a
 * click should take at most.
 * The calls are drawn from the archive: its most named entity of each kind, one in 50–200
 * articles, an article in the middle, prefixes of its most named organisation's name.
 *
 *   npx tsx scripts/bench-workbench.ts <archive dir> [--rounds 3]
 *
 * Opens the archive read-only (no lock taken, nothing migrated): build it with this code first.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../src/main/archive/archive'
import { createBackend } from '../src/main/backend'
import { ARTICLE_SORTS } from '../src/shared/types'
import { NAMED_KINDS } from '../src/shared/entities'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '3' } } })
const dir = positionals[0]
if (!dir) throw new Error('usage: bench-workbench <archive dir> [--rounds 3]')
const rounds = Number(values.rounds)
const TARGET_MS = 100

const archive = openArchive(dir, { readonly: true })
const scratch = mkdtempSync(join(tmpdir(), 'annalist-bench-workbench-'))
const backend = createBackend(archive, { recentArchivesFile: join(scratch, 'recent.json') })
const db = archive.db
const pick = (query: string, ...params: unknown[]): number | string =>
  db.prepare(query).pluck().get(...params) as number | string
const largest = (kind: string) => pick('SELECT id FROM entities WHERE kind = ? AND mentions > 0 ORDER BY articles DESC, id LIMIT 1', kind)
const middling = (kind: string) => pick('SELECT id FROM entities WHERE kind = ? AND articles BETWEEN 50 AND 200 ORDER BY id LIMIT 1', kind)
const maxArticle = pick('SELECT max(id) FROM article_store') as number
const middle = pick('SELECT min(id) FROM article_store WHERE id >= ?', Math.floor(maxArticle / 2)) as number
const orgName = String(pick("SELECT name FROM entities WHERE kind = 'org' ORDER BY articles DESC LIMIT 1")).toLowerCase()

const calls: [string, Record<string, unknown>][] = [
  ['getArchiveInfo', {}],
  ...ARTICLE_SORTS.flatMap((sort): [string, Record<string, unknown>][] => [
    ['listArticles', { sort, limit: 100 }],
    ['listArticles', { sort, limit: 100, offset: Math.floor(maxArticle / 2) }]
  ]),
  ['getArticle', { id: middle }],
  ['articleMentions', { articleId: middle }],
  ['previewEvents', { articleId: middle }],
  ['highlightArticle', { articleId: middle, query: 'the' }],
  ['listEntities', {}],
  ...NAMED_KINDS.map((kind): [string, Record<string, unknown>] => ['listEntities', { kind }]),
  ...[1, 2, 4, 7].map((n): [string, Record<string, unknown>] => ['listEntities', { prefix: orgName.slice(0, n) }]),
  ['listEntities', { kind: 'org', prefix: orgName.slice(0, 2) }],
  ...NAMED_KINDS.flatMap((kind): [string, Record<string, unknown>][] => [
    ['getEntity', { id: largest(kind) }],
    ['entityGraph', { id: largest(kind) }],
    ['listEvents', { entityId: largest(kind) }]
  ]),
  ['getEntity', { id: largest('place'), passageOffset: 5000 }],
  ['getEntity', { id: middling('org') }],
  ['mapPlaces', {}],
  ...[1, 2, 4].map((n): [string, Record<string, unknown>] => ['suggest', { prefix: orgName.slice(0, n) }]),
  ['search', { query: `org:"${orgName}"` }],
  ['search', { query: 'org:UN' }],
  ['search', { query: 'place:US' }],
  ['entityNames', { kind: 'person', prefix: 'a', limit: 20 }]
]

const times = calls.map(() => [] as number[])
for (let r = 0; r < rounds; r++) {
  for (const [i, [method, arg]] of calls.entries()) {
    const started = process.hrtime.bigint()
    const answer = await backend.invoke(method, arg)
    times[i]!.push(Number(process.hrtime.bigint() - started) / 1e6)
    if (!answer.ok) throw new Error(`${method} ${JSON.stringify(arg)}: ${JSON.stringify(answer)}`)
  }
}
const articles = pick('SELECT count(*) FROM article_store')
console.log(`workbench reads on ${articles} articles, ${rounds} rounds, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
// The first round pays each code path's first use in this process (a module loaded on demand,
// pages of the file read from disk); the rounds after it are what a user's next click waits for.
const rows = calls.map(([method, arg], i) => {
  const [first, ...rest] = times[i]!
  const warm = rest.sort((a, b) => a - b)
  return { call: `${method} ${JSON.stringify(arg)}`, first: first!, median: warm[Math.floor(warm.length / 2)] ?? first!, max: warm[warm.length - 1] ?? first! }
})
for (const r of rows) {
  console.log(`${r.first.toFixed(1).padStart(8)} ms first ${r.median.toFixed(1).padStart(8)} ms median ${r.max.toFixed(1).padStart(8)} ms max  ${r.call}`)
}
const slowest = [...rows].sort((a, b) => b.max - a.max)[0]!
console.log(`max ≤ ${TARGET_MS} ms for every read after its first: ${slowest.max <= TARGET_MS ? 'yes' : 'no'} (slowest ${slowest.max.toFixed(1)} ms: ${slowest.call})`)
const coldest = [...rows].sort((a, b) => b.first - a.first)[0]!
console.log(`slowest first call: ${coldest.first.toFixed(1)} ms: ${coldest.call}`)
backend.close()
rmSync(scratch, { recursive: true, force: true })
