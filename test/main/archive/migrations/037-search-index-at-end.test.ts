import { describe, expect, it } from 'vitest'
import { packText } from '../../../../src/main/archive/article-body'
import { m037SearchIndexAtEnd } from '../../../../src/main/archive/migrations/037-search-index-at-end'
import { indexedAtEnd } from '../../../../src/main/archive/search-deferral'
import { expectConsistent, runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

const T = '2024-01-01T00:00:00Z'

describe('migration 037 (an import batch indexes its articles for search at its end)', () => {
  it('keeps every row, indexes and unindexes as before outside a batch, and defers a batch’s inserts to its end', () => {
    const { db, before, after } = runMigrationCase({ version: m037SearchIndexAtEnd.version, seed: seedSchema1, seedAt: 1 })
    expect(after).toEqual(before)
    const matches = (table: 'search_fts' | 'articles_fts', query: string): number[] =>
      db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).pluck().all(query) as number[]
    const insert = (title: string, text: string): number =>
      Number(
        db
          .prepare(`INSERT INTO article_store (title, body, text_hash, word_count, created_at, updated_at) VALUES (?, ?, ?, 1, '${T}', '${T}')`)
          .run(title, packText(text), title).lastInsertRowid
      )

    // Outside a batch: an insert, an edit of the text and of the title, a delete, each indexed at once.
    const lone = insert('Lighthouse keeper', 'The keeper lit the lamp at dusk.')
    expect(matches('search_fts', 'lamp')).toEqual([lone])
    expect(matches('articles_fts', 'lighthouse')).toEqual([lone])
    db.prepare('UPDATE article_store SET body = ?, title = ? WHERE id = ?').run(packText('The keeper trimmed the wick.'), 'Harbour light', lone)
    expect(matches('search_fts', 'lamp')).toEqual([])
    expect(matches('search_fts', 'wick')).toEqual([lone])
    expect(matches('articles_fts', 'lighthouse OR harbour')).toEqual([lone])
    expect(matches('articles_fts', 'lighthouse')).toEqual([])
    db.prepare('DELETE FROM article_store WHERE id = ?').run(lone)
    expect(matches('search_fts', 'wick')).toEqual([])
    expectConsistent(db)

    // In a batch: nothing indexed until its end, an edit of its own article included; then all of it.
    const generation = (): number => db.prepare('SELECT generation FROM search_state').pluck().get() as number
    const generationBefore = generation()
    let batch = 0
    indexedAtEnd(db, () => {
      batch = insert('Ferry timetable', 'The winter ferry leaves at seven.')
      db.prepare('UPDATE article_store SET title = ? WHERE id = ?').run('Ferry timetable changed', batch)
      expect(matches('search_fts', 'ferry')).toEqual([])
      expect(matches('articles_fts', 'ferry')).toEqual([])
    })
    expect(matches('search_fts', 'ferry')).toEqual([batch])
    expect(matches('articles_fts', 'changed')).toEqual([batch])
    // The vocabulary queue and the search generation still follow each row.
    expect(db.prepare('SELECT sign FROM search_vocab_queue WHERE article_id = ?').pluck().all(batch)).toEqual([1])
    expect(generation()).toBeGreaterThan(generationBefore)
    expectConsistent(db)
  })
})
