import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import type { Db } from '../../../src/main/archive/db'
import { SearchEngine, searchEngine, upkeepSearch } from '../../../src/main/search/engine'
import { ArticleMeta } from '../../../src/main/search/meta'
import type { VariantIndex } from '../../../src/main/search/variants'
import { rebuildVocabulary } from '../../../src/main/archive/repo/search-vocab'
import { tempDir } from '../../support/tmp'
import { fixtureArticles, metaColumns as columns, seed } from './support'

/** What FTS5 itself counts, word by word, for comparison with an in-memory vocabulary. */
function ftsCounts(db: Db): [string, number][] {
  return db.prepare('SELECT term, doc FROM search_terms ORDER BY term').raw().all() as [string, number][]
}

function vocabCounts(vocab: VariantIndex, words: readonly string[]): [string, number][] {
  return words.map((w) => [w, vocab.docCount(w)])
}

describe('reader search caches catching up in place', () => {
  it('equal a fresh load after inserts, edits of text and filter columns, and deletes, drained or still queued', () => {
    const dir = join(tempDir(), 'archive')
    const writer = openArchive(dir)
    // The writer's engine builds the persisted vocabulary at open, as the backend's writer does.
    searchEngine(writer.db)
    const articles = fixtureArticles()
    const ids = seed(writer, articles.slice(0, 3))
    const reader = openArchive(dir, { readonly: true })
    try {
      const engine = new SearchEngine(reader.db)
      const meta = engine.meta()
      const vocab = engine.vocabulary()
      const check = (): void => {
        expect(engine.meta()).toBe(meta)
        expect(engine.vocabulary()).toBe(vocab)
        const fresh = ArticleMeta.load(reader.db)
        const upTo = Math.max(fresh.maxId, meta.maxId)
        expect(columns(meta, upTo)).toEqual(columns(fresh, upTo))
        expect(meta.count).toBe(fresh.count)
        const fts = ftsCounts(reader.db)
        expect(vocabCounts(vocab, fts.map(([w]) => w))).toEqual(fts)
        expect(vocab.size).toBe(fts.length)
      }

      // New articles, left in the queue (no drain yet): the reader tokenizes them itself.
      const more = seed(writer, articles.slice(3))
      check()
      // Drained: the queued words are taken back out and the drain's counts read instead.
      upkeepSearch(writer.db)
      check()
      // A filter column, a headline and an unknown year changed; one article deleted.
      writer.db.prepare("UPDATE articles SET language = 'fr', place = 'LYON' WHERE id = ?").run(ids[0])
      writer.db.prepare("UPDATE articles SET title = 'Orchard yields quarterly' WHERE id = ?").run(ids[1])
      writer.db
        .prepare("UPDATE articles SET published_edtf = 'XXXX-03-17', published_earliest = NULL, published_latest = NULL WHERE id = ?")
        .run(ids[2])
      writer.db.prepare('DELETE FROM citations WHERE article_id = ?').run(more[0])
      writer.db.prepare('DELETE FROM articles WHERE id = ?').run(more[0])
      check()
      upkeepSearch(writer.db)
      check()
      expect(vocab.docCount('orchard')).toBe(1)
    } finally {
      reader.close()
      writer.close()
    }
  })

  it('reload in full when the change log no longer reaches back to their position, or the vocabulary was rebuilt', () => {
    const dir = join(tempDir(), 'archive')
    const writer = openArchive(dir)
    searchEngine(writer.db)
    const articles = fixtureArticles()
    seed(writer, articles.slice(0, 3))
    upkeepSearch(writer.db)
    const reader = openArchive(dir, { readonly: true })
    try {
      const engine = new SearchEngine(reader.db)
      const meta = engine.meta()
      const vocab = engine.vocabulary()
      const added = seed(writer, articles.slice(3, 4))
      // Entries this reader has not seen are pruned: it cannot know which articles they named.
      writer.db.exec('DELETE FROM search_article_log')
      const reloaded = engine.meta()
      expect(reloaded).not.toBe(meta)
      expect(reloaded.present[added[0]!]).toBe(1)
      rebuildVocabulary(writer.db)
      expect(engine.vocabulary()).not.toBe(vocab)
    } finally {
      reader.close()
      writer.close()
    }
  })
})
