import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import type { Db } from '../../../src/main/archive/db'
import { replaceArticleText } from '../../../src/main/archive/repo/article-edits'
import { insertArticle } from '../../../src/main/archive/repo/articles'
import { articleParagraphs } from '../../../src/main/archive/repo/paragraph-text'
import { SearchEngine, searchEngine, verifySearchIndex } from '../../../src/main/search/engine'
import { runSearch } from '../../../src/main/search/execute'
import { tempArchive, tempDir } from '../../support/tmp'
import { expectVocabularyInStep, fixtureArticles, seed, spellingsOf } from './support'

function editText(db: Db, id: number, from: string, to: string): void {
  db.transaction(() => replaceArticleText(db, id, articleParagraphs(db, id).map((p) => p.text.replaceAll(from, to))))()
}

describe('search index upkeep', () => {
  it('stays correct through import, edit, delete and re-import', () => {
    const archive = tempArchive()
    const db = archive.db
    const engine = searchEngine(db)
    const articles = fixtureArticles()
    const ids = seed(archive)
    const search = (q: string) => runSearch(engine, { query: q })
    expect(spellingsOf(search('masood~')).masood!.sort()).toEqual(['masoud', 'massoud'])
    expectVocabularyInStep(db)

    editText(db, ids[0]!, 'Masood', 'Massood')
    expect(search('masood').total).toBe(0)
    expect(search('massood').total).toBe(1)
    expect(spellingsOf(search('masoud~')).masoud!.sort()).toEqual(['massood', 'massoud'])
    expectVocabularyInStep(db)

    db.prepare('DELETE FROM articles WHERE id = ?').run(ids[2])
    expect(search('massoud').total).toBe(0)
    expect(spellingsOf(search('masoud~')).masoud).toEqual(['massood'])
    expect(search('outlet:tass').total).toBe(1)
    expectVocabularyInStep(db)

    const again = db.transaction(() => insertArticle(db, articles[2]!, null))()
    expect(search('massoud').hits.map((h) => h.articleId)).toEqual([again])
    expect(spellingsOf(search('masoud~')).masoud!.sort()).toEqual(['massood', 'massoud'])
    expect(search('outlet:tass').total).toBe(2)
    expectVocabularyInStep(db)
  })

  it('sees changes made through another connection', () => {
    const dir = join(tempDir(), 'archive')
    const writer = openArchive(dir)
    seed(writer, fixtureArticles().slice(0, 2))
    const reader = openArchive(dir, { readonly: true })
    try {
      const engine = new SearchEngine(reader.db)
      expect(runSearch(engine, { query: 'masood~' }).total).toBe(1)
      seed(writer, fixtureArticles().slice(2))
      const r = runSearch(engine, { query: 'masood~' })
      expect(r.total).toBe(3)
      expect(spellingsOf(r).masood!.sort()).toEqual(['masoud', 'massoud'])
    } finally {
      reader.close()
      writer.close()
    }
  })

  it('rebuilds an index found out of step with the articles at open', () => {
    const dir = join(tempDir(), 'archive')
    const first = openArchive(dir)
    seed(first)
    // Simulate an index that lost rows (a restore from an older copy, a tool writing with triggers off).
    first.db.exec("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
    first.db.exec('DELETE FROM search_vocab')
    first.close()
    const second = openArchive(dir)
    try {
      const engine = new SearchEngine(second.db)
      expect(engine.check.rebuilt).toBe(true)
      expect(runSearch(engine, { query: 'masood~' }).total).toBe(3)
      expectVocabularyInStep(second.db)
      second.db.exec("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    } finally {
      second.close()
    }
  })

  it('repairs an index whose content drifted from the articles on a deep check', () => {
    const archive = tempArchive()
    const db = archive.db
    const ids = seed(archive)
    expect(verifySearchIndex(db)).toEqual({ rebuilt: false, reason: null })
    // A tool that rewrote a headline with the search trigger absent.
    const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'search_articles_au_text'").pluck().get() as string
    db.exec('DROP TRIGGER search_articles_au_text')
    db.prepare("UPDATE articles SET title = 'Quarterly orchard yields' WHERE id = ?").run(ids[5])
    db.exec(trigger)
    const check = verifySearchIndex(db)
    expect(check.rebuilt).toBe(true)
    expect(runSearch(searchEngine(db), { query: 'orchard' }).hits.map((h) => h.articleId)).toEqual([ids[5]])
    expect(verifySearchIndex(db).rebuilt).toBe(false)
    expectVocabularyInStep(db)
  })

  it('rebuilds the vocabulary from fts5vocab after a bulk import', () => {
    const archive = tempArchive()
    const engine = searchEngine(archive.db)
    runSearch(engine, { query: 'masood~' })
    const base = fixtureArticles()
    const many = Array.from({ length: 2_100 }, (_, i) => ({ ...base[i % base.length]!, title: `${base[i % base.length]!.title} ${i}` }))
    seed(archive, many)
    expect(spellingsOf(runSearch(engine, { query: 'masood~' })).masood!.sort()).toEqual(['masoud', 'massoud'])
    expect(archive.db.prepare('SELECT count(*) FROM search_vocab_queue').pluck().get()).toBe(0)
    expectVocabularyInStep(archive.db)
  })
})
