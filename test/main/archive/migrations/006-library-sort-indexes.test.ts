import { describe, expect, it } from 'vitest'
import { m006LibrarySortIndexes } from '../../../../src/main/archive/migrations/006-library-sort-indexes'
import { listArticles } from '../../../../src/main/archive/repo/articles'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 006 (library sort indexes)', () => {
  it('keeps every earlier row and lets the Library page by title and length from an index', () => {
    const { db } = runMigrationCase({ version: m006LibrarySortIndexes.version, seed: seedSchema1 })
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ')
    expect(plan('SELECT a.id FROM articles a ORDER BY a.title COLLATE NOCASE ASC, a.id ASC LIMIT 5 OFFSET 1')).toMatch(/articles_title_sort/)
    expect(plan('SELECT a.id FROM articles a ORDER BY a.word_count DESC, a.id DESC LIMIT 5')).toMatch(/articles_words_sort/)
    expect(plan("SELECT id FROM articles WHERE published_earliest >= '2022-01-01'")).toMatch(/articles_published_sort/)
    expect(listArticles(db, { sort: 'title' }).items.map((a) => a.title)).toEqual(['Convoy reaches Kyiv', 'Réunion au sommet'])
    // Both start on 1 March 2022: the tie is broken by id, in the same direction.
    expect(listArticles(db, { sort: 'published', order: 'asc' }).items.map((a) => a.id)).toEqual([1, 2])
    expect(listArticles(db, { sort: 'published', order: 'desc' }).items.map((a) => a.id)).toEqual([2, 1])
  })
})
