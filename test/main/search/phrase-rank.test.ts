import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Archive } from '../../../src/main/archive/archive'
import { runImport } from '../../../src/main/import/pipeline'
import { searchEngine } from '../../../src/main/search/engine'
import { runSearch } from '../../../src/main/search/execute'
import { tokenSpans } from '../../../src/main/search/highlight'
import { phraseCount, rankPhrase } from '../../../src/main/search/phrase-rank'
import { newsArticle, writeNewsCorpus } from '../../../scripts/bench/news-corpus'
import { tempArchive, tempDir } from '../../support/tmp'

/** FTS5's own answer: each matching article's rank (bm25(8.0, 3.0, 1.0)), in id order. */
function ftsRanks(archive: Archive, phrase: string): [number, number][] {
  return archive.db.prepare('SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ?').raw().all(`"${phrase}"`) as [number, number][]
}

/** An archive of the generated news corpus's first `articles` articles, removed after the test. */
async function newsArchive(articles: number): Promise<Archive> {
  const archive = tempArchive()
  const dir = tempDir()
  writeNewsCorpus(dir, { to: articles })
  const report = await runImport(archive, [{ kind: 'path', path: dir }])
  expect(report.failed).toEqual([])
  return archive
}

describe('rankPhrase (bm25 of a lone phrase, outside FTS5)', () => {
  it('gives the very numbers FTS5 gives, for phrases of common words and rarer ones', async () => {
    const archive = await newsArchive(120)
    // Runs of two to four words from fixed places of the corpus, and some of the commonest.
    const runs = [3, 17, 41, 55, 90].flatMap((i) => {
      const words = newsArticle(i).paragraphs[1]!.toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter(Boolean)
      return [2, 3, 4].map((n) => words.slice(5, 5 + n).join(' '))
    })
    const phrases = [...runs, 'of the', 'said the', 'the the', 'in the', 'to the']
    let compared = 0
    for (const phrase of phrases) {
      const expected = ftsRanks(archive, phrase)
      if (expected.length === 0) continue
      const ids = expected.map(([id]) => id)
      // Exact: the same doubles, not merely the same order.
      expect(rankPhrase(archive.db, phrase, ids), phrase).toEqual(expected)
      compared += expected.length
    }
    expect(compared).toBeGreaterThan(200)
  })

  it('hands the ranking back to FTS5 for ids the phrase does not match', async () => {
    const archive = await newsArchive(20)
    const [id] = ftsRanks(archive, 'of the')[0]!
    expect(ftsRanks(archive, 'zzyzx qqq')).toEqual([])
    expect(rankPhrase(archive.db, 'zzyzx qqq', [id])).toBeNull()
    expect(rankPhrase(archive.db, 'ахмад масуд', [id])).toBeNull()
  })

  it('counts words outside ASCII as the index folds them, to the same numbers', async () => {
    const archive = await newsArchive(30)
    const ids = archive.db.prepare('SELECT id FROM article_store ORDER BY id').pluck().all() as number[]
    // Accents the index drops and one it keeps (й), a combining mark, Cyrillic, Greek, capitals,
    // typographic quotes; in titles, deks and texts of different lengths.
    const lines = [
      'The Café Society met on Monday. “CAFÉ society” was the name; café society again.',
      'A naïve art show — Naive Art, naïve\u0301 art — in the Zoë gallery; zoe gallery.',
      'Кафе общество собралось. кафе Общество снова; КАФЕ ОБЩЕСТВО. Йод и иод.',
      'Η καφέ εταιρεία και η Καφε εταιρεια. Cafe society, cafe society, cafe society.'
    ]
    const update = archive.db.prepare('UPDATE articles SET title = coalesce(?, title), dek = coalesce(?, dek), text = text || ? WHERE id = ?')
    ids.slice(0, 16).forEach((id, i) => update.run(i % 3 === 0 ? lines[i % 4]!.slice(0, 40) : null, i % 5 === 0 ? lines[(i + 1) % 4] : null, `\n\n${lines[i % 4]}`, id))
    let compared = 0
    for (const phrase of ['cafe society', 'café society', 'naive art', 'zoe gallery', 'кафе общество', 'йод и', 'иод', 'καφε εταιρεια', 'society cafe']) {
      const expected = ftsRanks(archive, phrase)
      if (expected.length === 0) continue
      expect(rankPhrase(archive.db, phrase, expected.map(([id]) => id)), phrase).toEqual(expected)
      compared += expected.length
    }
    expect(compared).toBeGreaterThan(30)
  })
})

describe('phraseCount', () => {
  it('counts a phrase in text of ASCII words where its tokens follow one another, overlaps included', () => {
    const pieces = ['the', 'The', 'THE', 'of', 'the1', 'then', 'o', ' ', ' ', '-', '’', '“', '.', '\u00a0']
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join(''))
    const phrase = fc.array(fc.constantFrom('the', 'of', 'o', 'the1', 'then'), { minLength: 1, maxLength: 3 })
    fc.assert(
      fc.property(text, phrase, (t, tokens) => {
        const words = tokenSpans(t).map((s) => s.token)
        const expected = words.filter((_, i) => tokens.every((w, k) => words[i + k] === w)).length
        const first = new RegExp(`(?<![A-Za-z0-9])${tokens[0]}(?![A-Za-z0-9])`, 'gi')
        expect(phraseCount(t, tokens, first)).toBe(expected)
      }),
      { numRuns: 3000 }
    )
  })
})

describe('a lone phrase in a search', () => {
  it('comes out the same ranked here as ranked by FTS5: totals, hits, order and scores', async () => {
    const archive = await newsArchive(120)
    const engine = searchEngine(archive.db)
    const words = newsArticle(7).paragraphs[2]!.toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter(Boolean)
    const queries = ['"of the"', '"said the"', '"the the"', `"${words.slice(3, 5).join(' ')}"`, `"${words.slice(6, 9).join(' ')}"`]
    let ranked = 0
    for (const query of queries) {
      // A rank limit under the phrases' words' counts, so that their ids are read first.
      const tuned = (rankPhrasesHere: boolean): unknown => {
        const r = runSearch(engine, { query }, { rankLimit: 60, rankPhrasesHere })
        if (r.ranking === 'relevance' && r.total > 0) ranked++
        return { total: r.total, ranking: r.ranking, hits: r.hits.map((h) => [h.articleId, h.score]) }
      }
      expect(tuned(true), query).toEqual(tuned(false))
    }
    expect(ranked).toBeGreaterThan(4)
  })
})
