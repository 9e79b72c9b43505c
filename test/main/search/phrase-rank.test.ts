import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Archive } from '../../../src/main/archive/archive'
import { runImport } from '../../../src/main/import/pipeline'
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

  it('hands the ranking back to FTS5 for words outside ASCII, or for ids the phrase does not match', async () => {
    const archive = await newsArchive(20)
    const [id] = ftsRanks(archive, 'of the')[0]!
    expect(rankPhrase(archive.db, 'ахмад масуд', [id])).toBeNull()
    expect(rankPhrase(archive.db, 'café of', [id])).toBeNull()
    // An article that does not hold the phrase: its count disagrees with the match.
    expect(ftsRanks(archive, 'zzyzx qqq')).toEqual([])
    expect(rankPhrase(archive.db, 'zzyzx qqq', [id])).toBeNull()
  })

  it('hands it back for an article with a word outside ASCII', async () => {
    const archive = await newsArchive(20)
    const [id] = ftsRanks(archive, 'of the')[0]!
    archive.db.prepare("UPDATE articles SET title = 'Café of the year' WHERE id = ?").run(id)
    const expected = ftsRanks(archive, 'of the')
    expect(expected.some(([m]) => m === id)).toBe(true)
    expect(rankPhrase(archive.db, 'of the', expected.map(([m]) => m))).toBeNull()
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
