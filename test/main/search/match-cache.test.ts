import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../src/main/import/pipeline'
import { searchEngine } from '../../../src/main/search/engine'
import { runSearch } from '../../../src/main/search/execute'
import { MatchCache } from '../../../src/main/search/match-cache'
import { writeNewsCorpus } from '../../../scripts/bench/news-corpus'
import { tempArchive, tempDir } from '../../support/tmp'

const answer = (ids: number[]): { matched: number[]; ranked: null } => ({ matched: ids, ranked: null })

describe('MatchCache', () => {
  it('answers a key only at the generation it was read at', () => {
    const cache = new MatchCache<ReturnType<typeof answer>>(0)
    cache.put('a', 7, answer([1, 2]), 5)
    expect(cache.get('a', 7)).toEqual(answer([1, 2]))
    expect(cache.get('a', 8)).toBeUndefined()
    // Gone once seen at another generation.
    expect(cache.get('a', 7)).toBeUndefined()
  })

  it('keeps the four most recently used, and nothing read quickly or too large', () => {
    const cache = new MatchCache<ReturnType<typeof answer>>(20)
    cache.put('quick', 1, answer([1]), 19)
    expect(cache.get('quick', 1)).toBeUndefined()
    cache.put('huge', 1, answer(Array.from({ length: 250_001 }, (_, i) => i)), 500)
    expect(cache.get('huge', 1)).toBeUndefined()
    for (const key of ['a', 'b', 'c', 'd']) cache.put(key, 1, answer([1]), 50)
    expect(cache.get('a', 1)).toBeDefined()
    cache.put('e', 1, answer([1]), 50)
    // "b" was the least recently used once "a" was asked again.
    expect(['a', 'b', 'c', 'd', 'e'].filter((k) => cache.get(k, 1) !== undefined)).toEqual(['a', 'c', 'd', 'e'])
  })
})

describe('a search asked again', () => {
  it('gives the kept answer until an article changes, then the archive as it is', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeNewsCorpus(dir, { to: 60 })
    await runImport(archive, [{ kind: 'path', path: dir }])
    const engine = searchEngine(archive.db)
    // Matches over the rank limit of 10 and under it (a word in a few articles: ranked).
    const rare = archive.db.prepare("SELECT term FROM search_terms WHERE doc BETWEEN 2 AND 9 AND term GLOB '[a-z][a-z][a-z]*' LIMIT 1").pluck().get() as string
    expect(rare).toBeTruthy()
    const queries = ['"of the"', 'the', '"said the"', 'governm*', rare]
    const shape = (r: ReturnType<typeof runSearch>): unknown => ({ total: r.total, ranking: r.ranking, hits: r.hits.map((h) => [h.articleId, h.score]) })
    // Read afresh: nothing kept.
    engine.matches.keepAfterMs = Infinity
    const byDateAfresh = queries.map((query) => shape(runSearch(engine, { query, sort: 'date' }, { rankLimit: 10 })))
    // Now every match kept, however quickly read.
    engine.matches.keepAfterMs = 0
    const first = queries.map((query) => runSearch(engine, { query }, { rankLimit: 10 }))
    const again = queries.map((query) => runSearch(engine, { query }, { rankLimit: 10 }))
    expect(again.map(shape)).toEqual(first.map(shape))
    expect(first.map((r) => r.ranking)).toContain('relevance')
    expect(first.map((r) => r.ranking)).toContain('headline-then-date')
    // Newest first right after the same match by relevance: the same articles, in the same order,
    // as read afresh.
    for (const [i, query] of queries.entries()) {
      runSearch(engine, { query }, { rankLimit: 10 })
      expect(shape(runSearch(engine, { query, sort: 'date' }, { rankLimit: 10 })), query).toEqual(byDateAfresh[i])
    }
    // A filter and another page ask the same match again.
    const outlet = first[1]!.facets.outlet[0]!.value
    expect(runSearch(engine, { query: `the outlet:"${outlet}"` }, { rankLimit: 10 }).total).toBe(first[1]!.facets.outlet[0]!.count)
    // A new article holding the phrase is found at once.
    const more = tempDir()
    writeFileSync(join(more, 'new.txt'), 'A new story\n\nOfficials said the talks of the week went well. Zyxwv said the rest.')
    await runImport(archive, [{ kind: 'path', path: more }])
    expect(runSearch(engine, { query: '"said the"' }, { rankLimit: 10 }).total).toBe(first[2]!.total + 1)
    expect(runSearch(engine, { query: '"of the"' }, { rankLimit: 10 }).total).toBe(first[0]!.total + 1)
    expect(runSearch(engine, { query: 'zyxwv' }).total).toBe(1)
  })
})
