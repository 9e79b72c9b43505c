import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { configure, migrate } from '../../../../src/main/archive/db'
import { unpackText } from '../../../../src/main/archive/article-body'
import { journaled, undo, redo } from '../../../../src/main/archive/journal'
import { m028CompressedText } from '../../../../src/main/archive/migrations/028-compressed-text'
import { databaseAt, expectConsistent, runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

type Row = Record<string, unknown>

const byId = (rows: Row[]): Row[] => [...rows].sort((a, b) => Number(a.id) - Number(b.id))
const plan = (db: Database.Database, query: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as Row[]).map((r) => r.detail).join(' ')

describe('migration 028 (article text stored compressed behind the articles view)', () => {
  it('keeps every article as the view shows it, with its indexes, triggers and references on the table', () => {
    const dependents = databaseAt(m028CompressedText.version - 1)
      .prepare("SELECT type, name FROM sqlite_schema WHERE tbl_name = 'articles' AND type IN ('index', 'trigger') ORDER BY type, name")
      .all()
    expect(dependents.length).toBeGreaterThan(15)
    const { db, before } = runMigrationCase({ version: m028CompressedText.version, seed: seedSchema1, seedAt: 1, reshaped: ['articles'] })
    expect(db.prepare("SELECT type FROM sqlite_schema WHERE name = 'articles'").pluck().get()).toBe('view')
    expect(byId(db.prepare('SELECT * FROM articles').all() as Row[])).toEqual(byId(before.articles!))

    const stored = db.prepare('SELECT id, body FROM article_store ORDER BY id').all() as { id: number; body: Buffer }[]
    const texts = new Map((before.articles as { id: number; text: string }[]).map((a) => [a.id, a.text]))
    for (const s of stored) {
      expect(Buffer.isBuffer(s.body)).toBe(true)
      expect(unpackText(s.body)).toBe(texts.get(s.id))
    }

    // The same indexes and triggers, now on the table; the view has its own write triggers.
    expect(db.prepare("SELECT type, name FROM sqlite_schema WHERE tbl_name = 'article_store' AND type IN ('index', 'trigger') ORDER BY type, name").all()).toEqual(dependents)
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'articles' AND type = 'trigger'").pluck().get()).toBeGreaterThan(10)
    for (const child of ['paragraphs', 'citations', 'near_duplicates', 'entity_mentions']) {
      const parents = (db.pragma(`foreign_key_list(${child})`) as { table: string }[]).map((f) => f.table)
      expect(parents, child).toContain('article_store')
      expect(parents, child).not.toContain('articles')
    }
    expect(plan(db, "SELECT id FROM articles WHERE text_hash = 'h1'")).toMatch(/article_store USING (COVERING )?INDEX articles_text_hash/)
    expect(plan(db, 'SELECT id FROM articles ORDER BY title COLLATE NOCASE, id')).toMatch(/articles_title_sort/)
  })

  it('takes inserts, per-column updates and deletes through the view, and the search index follows', () => {
    const { db } = runMigrationCase({ version: m028CompressedText.version, seed: seedSchema1, seedAt: 1, reshaped: ['articles'] })
    const generation = (): number => db.prepare('SELECT generation FROM search_state').pluck().get() as number
    const found = (word: string): number[] => db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck().all(word) as number[]

    db.prepare(`INSERT INTO articles (id, title, text, text_hash, word_count, created_at, updated_at) VALUES (9, 'Grain corridor', 'Ships left Odesa.', 'h9', 3, 't', 't')`).run()
    expect(db.prepare('SELECT text FROM articles WHERE id = 9').pluck().get()).toBe('Ships left Odesa.')
    expect(found('odesa')).toEqual([9])
    const long = Array.from({ length: 60 }, (_, i) => `Sentence ${i} of a long report from Zürich, naïve or not.`).join(' ')
    db.prepare(`INSERT INTO articles (id, title, text, text_hash, word_count, created_at, updated_at) VALUES (10, 'Long', ?, 'h10', 600, 't', 't')`).run(long)
    expect(db.prepare('SELECT text FROM articles WHERE id = 10').pluck().get()).toBe(long)
    expect((db.prepare('SELECT body FROM article_store WHERE id = 10').pluck().get() as Buffer).length).toBeLessThan(Buffer.byteLength(long) / 4)

    // A metadata column alone does not reindex the text; a new text does.
    const g = generation()
    const queued = (): number => db.prepare('SELECT count(*) FROM search_vocab_queue').pluck().get() as number
    const q = queued()
    db.prepare("UPDATE articles SET url = 'https://example.org/b' WHERE id = 9").run()
    expect(generation()).toBe(g)
    expect(queued()).toBe(q)
    db.prepare("UPDATE articles SET text = 'Ships left Mykolaiv.' WHERE id = 9").run()
    expect(found('odesa')).toEqual([])
    expect(found('mykolaiv')).toEqual([9])
    expect(db.prepare('SELECT url, text FROM articles WHERE id = 9').get()).toEqual({ url: 'https://example.org/b', text: 'Ships left Mykolaiv.' })

    db.prepare('DELETE FROM citations WHERE article_id = 1').run()
    db.prepare('DELETE FROM articles WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM paragraphs WHERE article_id = 1').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM article_store WHERE id = 1').pluck().get()).toBe(0)
    expectConsistent(db)
  })

  it('undoes, after the upgrade, a text edit journaled before it', () => {
    const old = databaseAt(1)
    seedSchema1(old)
    migrate(old, m028CompressedText.version - 1)
    const original = old.prepare('SELECT title, text FROM articles WHERE id = 1').get()
    journaled(old, 'Edit article', () => old.prepare("UPDATE articles SET title = 'Edited', text = 'Rewritten words.' WHERE id = 1").run())
    const file = old.name
    old.close()

    const db = new Database(file)
    try {
      configure(db)
      migrate(db)
      undo(db)
      expect(db.prepare('SELECT title, text FROM articles WHERE id = 1').get()).toEqual(original)
      expect(db.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH 'rewritten'").pluck().all()).toEqual([])
      // The redo log was captured on the table, with the compressed body.
      redo(db)
      expect(db.prepare('SELECT title, text FROM articles WHERE id = 1').get()).toEqual({ title: 'Edited', text: 'Rewritten words.' })
      undo(db)
      expect(db.prepare('SELECT title, text FROM articles WHERE id = 1').get()).toEqual(original)
      expectConsistent(db)
    } finally {
      db.close()
    }
  })
})
