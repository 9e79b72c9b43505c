import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import type { ParsedArticle } from '../../../src/main/archive/parsed-article'
import { insertArticle } from '../../../src/main/archive/repo/articles'
import { replaceArticleText } from '../../../src/main/archive/repo/article-edits'
import { bitmapIds, type CommonIdsStep } from '../../../src/main/search/common-ids'
import { ftsString } from '../../../src/main/search/compile'
import { SearchEngine, searchEngine } from '../../../src/main/search/engine'
import { runSearch } from '../../../src/main/search/execute'
import { newsArticle } from '../../../scripts/bench/news-corpus'
import { tempDir } from '../../support/tmp'

/** A generated story as a parser would hand it over. */
function story(index: number): ParsedArticle {
  const a = newsArticle(index)
  return {
    title: a.title,
    dek: a.dek,
    outlet: `Outlet ${a.outlet}`,
    byline: a.byline,
    place: a.place,
    url: null,
    published: null,
    language: 'en',
    paragraphs: a.paragraphs.map((text) => ({ text, page: null }))
  }
}

describe('bitmaps of the common words', () => {
  it('match what FTS5 matches after inserts, text edits and deletes, are never used stale, and leave results alone', () => {
    const dir = join(tempDir(), 'archive')
    const writer = openArchive(dir)
    const writerEngine = searchEngine(writer.db)
    const insert = (from: number, to: number): number[] =>
      writer.db.transaction(() => Array.from({ length: to - from }, (_, i) => insertArticle(writer.db, story(from + i), null)))()
    const ids = insert(0, 40)
    const reader = openArchive(dir, { readonly: true })
    try {
      const engine = new SearchEngine(reader.db)
      engine.commonIdsMinDocs = 3
      // 100 bitmaps of 40 articles (6 bytes each): a catch-up of one or two articles seeks
      // within its budget, one of 39 does not.
      engine.commonIdsBudget = 600
      engine.warm()
      const words = engine.vocabulary().mostCommon(3, 10_000)
      expect(words.length).toBeGreaterThan(50)
      /** Steps until done: the outcomes. */
      const settle = (): CommonIdsStep[] => {
        const outcomes: CommonIdsStep[] = []
        while (outcomes.at(-1) !== 'done' && outcomes.length < 4) outcomes.push(engine.warmCommonIds(Infinity))
        return outcomes
      }
      const matchingIds = (match: string): number[] =>
        reader.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck().all(match) as number[]
      const loaded = (): string[] => words.filter((w) => engine.commonIds(ftsString(w)) !== undefined)
      const check = (): void => {
        const held = loaded()
        expect(held.length).toBeGreaterThan(20)
        for (const w of held) expect([...bitmapIds(engine.commonIds(ftsString(w))!)]).toEqual(matchingIds(ftsString(w)))
        // A search past the rank limit reads them, and answers as one that reads FTS5.
        for (const w of held.slice(0, 12)) {
          const cached = runSearch(engine, { query: w }, { rankLimit: 2 })
          const direct = runSearch(writerEngine, { query: w }, { rankLimit: 2 })
          expect([cached.total, cached.ranking, cached.hits.map((h) => h.articleId), cached.facets]).toEqual([
            direct.total,
            direct.ranking,
            direct.hits.map((h) => h.articleId),
            direct.facets
          ])
        }
      }
      expect(settle()).toEqual(['done'])
      check()

      // One article changed: caught up in one step, by one seek per word.
      const stale = (): void => expect(loaded()).toEqual([])
      writer.db.transaction(() => replaceArticleText(writer.db, ids[3]!, story(90).paragraphs.map((p) => p.text)))()
      stale()
      expect(settle()).toEqual(['done'])
      check()
      writer.db.prepare('DELETE FROM articles WHERE id = ?').run(ids[5])
      insert(40, 41)
      stale()
      expect(settle()).toEqual(['done'])
      check()

      // Many new articles: too many seeks, so the first step drops the bitmaps and waits for the
      // archive to hold still; it has (nothing moved between two steps), so the next loads them again.
      insert(41, 80)
      stale()
      expect(settle()).toEqual(['later', 'done'])
      check()

      // An archive that moves between every two steps is not loaded until it holds still.
      insert(80, 120)
      expect(engine.warmCommonIds(Infinity)).toBe('later')
      insert(120, 130)
      expect(engine.warmCommonIds(Infinity)).toBe('later')
      stale()
      expect(settle()).toEqual(['done'])
      check()
    } finally {
      reader.close()
      writer.close()
    }
  })

  it('reads back the ids a bitmap holds', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(5000)), (ids) => {
        const bitmap = new Uint8Array(626)
        for (const id of ids) bitmap[id >> 3]! |= 1 << (id & 7)
        expect([...bitmapIds(bitmap)]).toEqual([...ids].sort((a, b) => a - b))
      })
    )
  })
})
