import { describe, expect, it } from 'vitest'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { searchEngine } from '../../../src/main/search/engine'
import { runSearch } from '../../../src/main/search/execute'
import { suggest } from '../../../src/main/search/suggest'
import { tokenize } from '../../../src/shared/tokens'
import { tempArchive } from '../../support/tmp'
import { fixtureArticles, seed, spellingsOf } from './support'

function setup() {
  const archive = tempArchive()
  const ids = seed(archive)
  const engine = searchEngine(archive.db)
  const search = (query: string, extra: { fuzzy?: boolean; sort?: 'rank' | 'date' | 'date-asc'; limit?: number; offset?: number } = {}) =>
    runSearch(engine, { query, ...extra })
  const titles = (query: string, extra = {}) => search(query, extra).hits.map((h) => h.title)
  return { archive, ids, engine, search, titles }
}

describe('runSearch', () => {
  it('finds every transliteration of a fuzzy name and reports the variants', () => {
    const { search, ids } = setup()
    const r = search('masood~')
    expect(r.hits.map((h) => h.articleId).sort()).toEqual([ids[0], ids[2], ids[3]].sort())
    expect(spellingsOf(r).masood).toEqual(expect.arrayContaining(['massoud', 'masoud']))
    expect(spellingsOf(r).masood).not.toContain('masood')
    const b = search('baghlan~')
    expect(b.hits.map((h) => h.articleId).sort()).toEqual([ids[0], ids[1]].sort())
    expect(spellingsOf(b)).toEqual({ baghlan: ['baglan'] })
    expect(search('masood').total).toBe(1)
    expect(search('masood', { fuzzy: true }).total).toBe(3)
  })

  it('honours phrases exactly and matches words anywhere in the article', () => {
    const { search } = setup()
    expect(search('"armed confrontation"').total).toBe(1)
    expect(search('"confrontation armed"').total).toBe(0)
    // "ambush" is in paragraph 1 and "andarab" in paragraph 2 of the same article.
    expect(search('ambush andarab').total).toBe(1)
    expect(search('NEAR(ambush andarab, 3)').total).toBe(0)
    expect(search('NEAR(spokesman resistance, 12)').total).toBe(1)
    expect(search('resistance').total).toBe(3)
    expect(search('panjshir OR baglan').total).toBe(5)
    expect(search('taliba*').total).toBe(0)
    expect(spellingsOf(search('resist*'))).toEqual({ 'resist*': ['resistance'] })
  })

  it('ranks title matches first and sorts by date on request, undated last', () => {
    const { search, titles } = setup()
    const top = titles('panjshir').slice(0, 2).sort()
    expect(top).toEqual(['La résistance du Panjshir appelle au dialogue', 'Outpost attack repelled in Panjshir valley'])
    const scores = search('panjshir').hits.map((h) => h.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(titles('-nothingmatchesthis', { sort: 'date' })).toEqual([
      'La résistance du Panjshir appelle au dialogue',
      'Clashes continue in three northern provinces',
      'Group claims control of the last holdout province',
      'Outpost attack repelled in Panjshir valley',
      'Resistance fighters ambush convoy in Baglan',
      'Harvest festival returns to the river towns'
    ])
    expect(titles('-nothingmatchesthis', { sort: 'date-asc' })[0]).toBe('Resistance fighters ambush convoy in Baglan')
    expect(search('-nothingmatchesthis', { limit: 2, offset: 4 }).hits).toHaveLength(2)
  })

  it('falls back to counting when the vocabulary undercounts a word past the rank limit', () => {
    const { engine } = setup()
    const exact = runSearch(engine, { query: 'panjshir' }, { rankLimit: 2 })
    // As if imports had not been folded into the vocabulary yet: its count says one article.
    engine.vocabulary().setCounts([['panjshir', 1]])
    const trailing = runSearch(engine, { query: 'panjshir' }, { rankLimit: 2 })
    expect(trailing.ranking).toBe('headline-then-date')
    expect({ ...trailing, elapsedMs: 0 }).toEqual({ ...exact, elapsedMs: 0 })
  })

  it('answers a plain search without loading the vocabulary', () => {
    const { engine } = setup()
    expect(runSearch(engine, { query: 'panjshir resistance' }).total).toBeGreaterThan(0)
    expect(runSearch(engine, { query: 'panjshir OR ambush' }).total).toBeGreaterThan(0)
    expect(engine.loadedVocabulary()).toBeNull()
  })

  it('ranks by relevance when the vocabulary overcounts a word past the rank limit', () => {
    const { engine } = setup()
    const exact = runSearch(engine, { query: 'panjshir' }, { rankLimit: 5 })
    expect(exact.ranking).toBe('relevance')
    // As if deletions had not been folded into the vocabulary yet: its count says 9,999 articles.
    engine.vocabulary().setCounts([['panjshir', 9_999]])
    const trailing = runSearch(engine, { query: 'panjshir' }, { rankLimit: 5 })
    expect({ ...trailing, elapsedMs: 0 }).toEqual({ ...exact, elapsedMs: 0 })
  })

  it('ranks headline matches first, then newest, when too many articles match to rank them all', () => {
    const { engine } = setup()
    const r = runSearch(engine, { query: 'panjshir' }, { rankLimit: 2 })
    expect(r.ranking).toBe('headline-then-date')
    expect(r.total).toBe(4)
    expect(r.hits.map((h) => h.title)).toEqual([
      r.hits[0]!.title,
      r.hits[1]!.title,
      'Clashes continue in three northern provinces',
      'Group claims control of the last holdout province'
    ])
    expect(r.hits.slice(0, 2).map((h) => h.title).sort()).toEqual([
      'La résistance du Panjshir appelle au dialogue',
      'Outpost attack repelled in Panjshir valley'
    ])
    expect(r.hits.map((h) => h.score > 0)).toEqual([true, true, false, false])
    expect(runSearch(engine, { query: 'panjshir' }).ranking).toBe('relevance')
  })

  it('filters by outlet, place, byline, language and date, honouring date precision', () => {
    const { search, titles } = setup()
    expect(search('outlet:tass').total).toBe(2)
    expect(search('outlet:TASS OR outlet:"le quotidien"').total).toBe(3)
    expect(search('-outlet:tass').total).toBe(4)
    expect(titles('place:cai')).toEqual(['Outpost attack repelled in Panjshir valley'])
    expect(titles('byline:bureau')).toEqual(['Outpost attack repelled in Panjshir valley'])
    expect(titles('lang:fr')).toEqual(['La résistance du Panjshir appelle au dialogue'])
    // The month-precision article (2021-09) may be any day of September.
    expect(titles('after:2021-09-01', { sort: 'date' })).toEqual([
      'La résistance du Panjshir appelle au dialogue',
      'Clashes continue in three northern provinces',
      'Group claims control of the last holdout province'
    ])
    expect(search('before:2021-08-31').total).toBe(2)
    expect(search('before:2021-09-01').total).toBe(4)
    expect(search('after:2021-09-02 before:2021-09-03').hits.map((h) => h.published?.edtf)).toEqual(['2021-09'])
    expect(search('panjshir after:2021-09-02').total).toBe(2)
  })

  it('takes a dateline place of one or two letters as a word', () => {
    const archive = tempArchive()
    const base = fixtureArticles()
    seed(archive, [...base, { ...base[5]!, title: 'Budget vote delayed', place: 'Washington, DC' }])
    const titles = (query: string) => runSearch(searchEngine(archive.db), { query }).hits.map((h) => h.title)
    expect(titles('place:dc')).toEqual(['Budget vote delayed'])
    // Inside words two letters would find Cairo and Beirut.
    expect(titles('place:ir')).toEqual([])
    expect(titles('place:airo')).toEqual(['Outpost attack repelled in Panjshir valley'])
  })

  it('suggests the newest titles holding the words typed', () => {
    const archive = tempArchive()
    const base = fixtureArticles()[5]!
    const titled = (title: string) => ({ ...base, title })
    // The shortest title would rank first; it is the oldest.
    const ids = seed(archive, [titled('Panjshir'), titled('Supplies reach the Panjshir valley by road'), titled('Talks on the Panjshir valley resume in Doha')])
    const titles = suggest(searchEngine(archive.db), { prefix: 'panj' }).filter((s) => s.kind === 'title')
    expect(titles.map((s) => s.articleId)).toEqual([ids[2], ids[1], ids[0]])
  })

  it('filters by tag and by citation in an event', () => {
    const { archive, search, ids } = setup()
    const db = archive.db
    const stamp = '2026-01-01T00:00:00.000Z'
    db.prepare("INSERT INTO tags (id, name) VALUES (1, 'Ambush')").run()
    db.prepare('INSERT INTO article_tags (article_id, tag_id) VALUES (?, 1)').run(ids[0])
    const event = db
      .prepare(
        `INSERT INTO events (title, date_edtf, earliest_day, latest_day, sort_key, created_at, updated_at)
         VALUES ('Outpost attack', '2021-08-30', '2021-08-30', '2021-08-30', '2021-08-30', ?, ?)`
      )
      .run(stamp, stamp).lastInsertRowid
    db.prepare(
      `INSERT INTO citations (event_id, article_id, exact, prefix, suffix, start, end, text_hash, created_at)
       VALUES (?, ?, 'repelled', '', '', 0, 8, 'x', ?)`
    ).run(event, ids[2], stamp)
    expect(search('tag:ambush').hits.map((h) => h.articleId)).toEqual([ids[0]])
    expect(search('has:events').hits.map((h) => h.articleId)).toEqual([ids[2]])
    expect(search('-has:events').total).toBe(5)
  })

  it('counts facets over the filtered result', () => {
    const { search } = setup()
    const f = search('panjshir').facets
    expect(f.outlet).toEqual([
      { value: 'TASS', count: 2 },
      { value: 'Al-Akhbar', count: 1 },
      { value: 'Le Quotidien', count: 1 }
    ])
    expect(f.month).toEqual([
      { value: '2021-08', count: 1 },
      { value: '2021-09', count: 3 }
    ])
    expect(f.language).toEqual([
      { value: 'en', count: 3 },
      { value: 'fr', count: 1 }
    ])
    expect(f.place.map((p) => p.value).sort()).toEqual(['Beirut', 'Cairo', 'Moscow', 'Paris'])
    expect(search('panjshir lang:en').facets.language).toEqual([{ value: 'en', count: 3 }])
  })

  it('returns snippets whose offsets point at the matched words in the article text', () => {
    const { archive, search } = setup()
    for (const query of ['masood~ OR panjshir', '"armed confrontation"', 'resist*', 'baghlan~', 'spokesman']) {
      const r = search(query)
      expect(r.hits.length).toBeGreaterThan(0)
      for (const hit of r.hits) {
        const article = getArticle(archive.db, hit.articleId)
        expect(hit.snippets.length).toBeGreaterThan(0)
        expect(hit.snippets.length).toBeLessThanOrEqual(3)
        for (const s of hit.snippets) {
          expect(article.text.slice(s.offset, s.offset + s.text.length)).toBe(s.text)
          expect(article.paragraphs[s.paragraph - 1]!.text.includes(s.text)).toBe(true)
          for (const [start, end] of s.highlights) {
            const word = tokenize(s.text.slice(start, end)).join(' ')
            expect(word.length).toBeGreaterThan(0)
            expect(word).toMatch(/^(masood|massoud|masoud|panjshir|armed confrontation|armed|confrontation|resist\w*|baghlan|baglan|spokesman)$/)
          }
        }
      }
    }
    const phrase = search('"armed confrontation"').hits[0]!.snippets[0]!
    expect(phrase.highlights.map(([s, e]) => phrase.text.slice(s, e))).toEqual(['armed confrontation'])
  })

  it('never throws on broken syntax and says how it read it', () => {
    const { search } = setup()
    const r = search('"resistance OR (')
    expect(r.query.parsed.warnings.length).toBeGreaterThan(0)
    expect(r.total).toBeGreaterThan(0)
    expect(search('').total).toBe(0)
    expect(search('&&&').hits).toEqual([])
  })
})
