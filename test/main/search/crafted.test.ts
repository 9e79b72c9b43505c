import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { createBackend } from '../../../src/main/backend'
import { runCli } from '../../../src/main/cli/run'
import { searchEngine } from '../../../src/main/search/engine'
import { runSearch } from '../../../src/main/search/execute'
import type { ArticleHighlights, SearchResult } from '../../../src/shared/search'
import {
  MAX_EXPAND_LENGTH,
  MAX_EXPANDED_WORDS,
  MAX_PREFIX_POSTINGS,
  MAX_QUERY_NESTING,
  MAX_QUERY_WORDS,
  MAX_VARIANT_PROBES
} from '../../../src/shared/search-limits'
import { tempArchive, tempDir } from '../../support/tmp'
import { seed, spellingsOf } from './support'

// Crafted queries (issue 13, rows 4 and 5): each completes with a sensible reading and a notice.
// The bound is asserted on the vocabulary's cost counter, never on time.

const LONG_FUZZY = `${'a'.repeat(10_000)}~`
const NESTED = `${'('.repeat(2_000)}kabul`
const LONG_NOTICE = `${'a'.repeat(40)}…: words longer than ${MAX_EXPAND_LENGTH} letters are matched exactly, without ~`
const NESTED_NOTICE = `parentheses nested deeper than ${MAX_QUERY_NESTING} levels were ignored; the words inside were read without them`

function setup() {
  const archive = tempArchive()
  const ids = seed(archive)
  const engine = searchEngine(archive.db)
  return { archive, ids, engine, backend: createBackend(archive) }
}

describe('crafted queries', () => {
  it('a 10,000-letter fuzzy word is searched exactly, with a notice and no variant look-up', () => {
    const { engine } = setup()
    const before = engine.vocabulary().cost
    const r = runSearch(engine, { query: LONG_FUZZY })
    expect(r).toMatchObject({ total: 0, hits: [], expansions: {} })
    expect(r.query.parsed.root).toMatchObject({ kind: 'term', fuzzy: false, prefix: false })
    expect(r.query.parsed.warnings).toEqual([LONG_NOTICE])
    expect(engine.vocabulary().cost).toBe(before)
    // The Fuzzy switch skips it silently: the reading shows no "(or a similar spelling)".
    const global = runSearch(engine, { query: `${'b'.repeat(10_000)} masood`, fuzzy: true })
    expect(global.query.parsed.readAs).toMatch(/^b+ and masood \(or a similar spelling\)$/)
    expect(global.total).toBe(0)
  })

  it('a 100,000-character query reads its first words, expands a bounded few, and still finds', () => {
    const { engine, ids } = setup()
    const before = engine.vocabulary().cost
    const query = `masood~ ${Array.from({ length: 100_000 / 4 }, (_, i) => `w${(i % 500).toString(36)}x~ `).join('')}`.slice(0, 100_000)
    expect(query).toHaveLength(100_000)
    const r = runSearch(engine, { query: `${query.slice(0, 99_990)} OR kabul` })
    expect(r.query.parsed.warnings).toEqual([
      `only the first ${MAX_EXPANDED_WORDS} fuzzy and prefix words (~, * or the Fuzzy switch) are expanded; later ones are matched exactly`,
      `only the first ${MAX_QUERY_WORDS} words and filters were read; the rest of the query was ignored`
    ])
    expect(r.total).toBe(0)
    expect(spellingsOf(r).masood).toEqual(expect.arrayContaining(['massoud', 'masoud']))
    expect(Object.keys(spellingsOf(r))).toEqual(['masood'])
    expect(engine.vocabulary().cost - before).toBeLessThanOrEqual(MAX_EXPANDED_WORDS * MAX_VARIANT_PROBES)
    // Ending in OR of many words: the first word still finds its articles.
    const wide = runSearch(engine, { query: `masood~ OR ${'zzz OR '.repeat(20_000)}` })
    expect(wide.hits.map((h) => h.articleId).sort()).toEqual([ids[0], ids[2], ids[3]].sort())
  })

  it('2,000 nested parentheses parse to the words inside, with a notice', () => {
    const { engine, ids } = setup()
    const r = runSearch(engine, { query: NESTED })
    expect(r.query.parsed.readAs).toBe('kabul')
    expect(r.query.parsed.warnings).toContain(NESTED_NOTICE)
    expect(r.hits.map((h) => h.articleId)).toEqual([ids[0]])
    // Flattened, the ORs still hold: either spelling of the name, or the valley.
    const deep = runSearch(engine, { query: `${'(masood~ OR '.repeat(200)}panjshir${')'.repeat(200)}` })
    expect(deep.query.parsed.warnings).toContain(NESTED_NOTICE)
    expect(deep.hits.map((h) => h.articleId).sort()).toEqual([ids[0], ids[1], ids[2], ids[3], ids[4]].sort())
  })

  it('prefixes too common to search are matched exactly, in search and highlighting alike', async () => {
    const { engine, backend, archive, ids } = setup()
    // What a large archive's vocabulary holds: words under "a" in more articles than one query may read.
    engine.vocabulary().apply(new Map([['azzz', MAX_PREFIX_POSTINGS]]))
    const r = runSearch(engine, { query: 'a* OR baghl*' })
    expect(r.query.parsed.warnings).toEqual(['a*: the words starting with "a" are too common to search them all; matched "a" exactly'])
    expect(spellingsOf(r)).toEqual({ 'baghl*': ['baghlan'] })
    expect(r.total).toBe(runSearch(engine, { query: 'a OR baghlan' }).total)
    const text = getArticle(archive.db, ids[0]!).text
    const { ranges } = await backend.api.highlightArticle({ articleId: ids[0]!, query: 'a*' })
    expect(new Set(ranges.map(([s, e]) => text.slice(s, e).toLowerCase()))).toEqual(new Set(['a']))
  })

  it('the API answers crafted searches and highlights, never internal', async () => {
    const { backend, ids, archive } = setup()
    // The contract caps a query at 10,000 characters, so the long word is one letter shorter.
    const long = `${'a'.repeat(9_999)}~`
    for (const query of [long, NESTED, `${'(a '.repeat(3_000)}kabul`, `${'NEAR( '.repeat(1_600)}`, `${'kabul~ '.repeat(1_400)}`]) {
      const searched = await backend.invoke('search', { query })
      expect(searched.ok).toBe(true)
      const value = (searched as { ok: true; value: SearchResult }).value
      expect(value.query.parsed.warnings.length).toBeGreaterThan(0)
      const lit = await backend.invoke('highlightArticle', { articleId: ids[0]!, query, fuzzy: true })
      expect(lit.ok).toBe(true)
      expect((lit as { ok: true; value: ArticleHighlights }).value.articleId).toBe(ids[0])
    }
    const nested = (await backend.api.search({ query: NESTED })) as SearchResult
    expect(nested.hits.map((h) => h.articleId)).toEqual([ids[0]])
    const text = getArticle(archive.db, ids[1]!).text
    const { ranges } = await backend.api.highlightArticle({ articleId: ids[1]!, query: `${'('.repeat(2_000)}baglan~ OR panjshir` })
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Panjshir', 'Baghlan'])
    const suggested = await backend.invoke('suggest', { prefix: `${'masood'.repeat(83)}` })
    expect(suggested).toEqual({ ok: true, value: [] })
  })

  it('the CLI reads the nested query from the issue and says how', async () => {
    const dir = join(tempDir(), 'archive')
    const archive = openArchive(dir)
    seed(archive)
    archive.close()
    let out = ''
    const code = await runCli(['search', NESTED, '--archive', dir], { out: (t) => (out += t), err: () => {}, isTTY: false }, {})
    expect(code).toBe(0)
    expect(out).toContain('Read as: kabul\n')
    expect(out).toContain(`Note: ${NESTED_NOTICE}\n`)
  })
})
