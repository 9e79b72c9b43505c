import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { configure, migrate } from '../../../../src/main/archive/db'
import { journaledAction, redo, undo } from '../../../../src/main/archive/journal'
import { m018ParagraphsAsOffsets } from '../../../../src/main/archive/migrations/018-paragraphs-as-offsets'
import { databaseAt, runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

const V = m018ParagraphsAsOffsets.version

/** An article's paragraphs as their slices of its text, read in the schema of this migration (the repository follows the newest). */
function articleParagraphs(db: Database.Database, articleId: number): { ordinal: number; text: string }[] {
  const text = db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(articleId) as string
  const spans = db.prepare('SELECT ordinal, start, end FROM paragraphs WHERE article_id = ? ORDER BY ordinal').all(articleId) as { ordinal: number; start: number; end: number }[]
  return spans.map((p) => ({ ordinal: p.ordinal, text: text.slice(p.start, p.end) }))
}

describe('migration 018 (paragraphs as offsets into the article text)', () => {
  it('drops the paragraph text, keeps every other column, and the text reads back as the slice of the article', () => {
    const { db, before, after } = runMigrationCase({ version: V, seed: seedSchema1, reshaped: ['paragraphs'] })
    expect(after.paragraphs).toEqual(before.paragraphs!.map(({ text: _text, ...rest }) => rest))
    expect(articleParagraphs(db, 1).map((p) => p.text)).toEqual(['First paragraph here.', 'Second one.'])
    expect(articleParagraphs(db, 2).map((p) => p.text)).toEqual(['Le sommet a eu lieu.'])
  })

  it('rewrites the undo history written for the old row shape, so actions from before the upgrade still undo and redo', () => {
    const db = databaseAt(V - 1)
    seedSchema1(db)
    // A paragraph removed and the next renumbered, as removing boilerplate does, journaled at schema 17.
    journaledAction(db, 'Remove a paragraph', () => {
      db.prepare('DELETE FROM paragraphs WHERE id = 1').run()
      db.prepare('UPDATE paragraphs SET ordinal = 1, start = 0, end = 11 WHERE id = 2').run()
      db.prepare("UPDATE articles SET text = 'Second one.' WHERE id = 1").run()
    })
    const logged = db.prepare(`SELECT sql FROM undo_log WHERE sql LIKE '%"paragraphs"%' ORDER BY seq`).pluck().all() as string[]
    expect(logged.some((s) => s.includes('"text"'))).toBe(true)
    // The upgrade opens the archive afresh, as the app does: no journal triggers of the old shape.
    const file = db.name
    db.close()
    const reopened = new Database(file)
    configure(reopened)
    try {
      migrate(reopened, V)
      const rewritten = reopened.prepare(`SELECT sql FROM undo_log WHERE sql LIKE '%"paragraphs"%' ORDER BY seq`).pluck().all() as string[]
      expect(rewritten).toHaveLength(logged.length)
      expect(rewritten.some((s) => s.includes('"text"'))).toBe(false)
      undo(reopened)
      expect(articleParagraphs(reopened, 1).map((p) => [p.ordinal, p.text])).toEqual([
        [1, 'First paragraph here.'],
        [2, 'Second one.']
      ])
      redo(reopened)
      expect(articleParagraphs(reopened, 1).map((p) => [p.ordinal, p.text])).toEqual([[1, 'Second one.']])
    } finally {
      reopened.close()
    }
  })

  it('refuses an archive where a paragraph differs from its slice of the article, naming it, and changes nothing', () => {
    const db = databaseAt(V - 1)
    seedSchema1(db)
    db.prepare("UPDATE paragraphs SET text = 'Second 0ne.' WHERE id = 2").run()
    expect(() => migrate(db, V)).toThrow(/paragraph 2 of article 1 differs from the article's text at 23–34/)
    expect(db.pragma('user_version', { simple: true })).toBe(V - 1)
    expect(db.prepare('SELECT text FROM paragraphs WHERE id = 2').pluck().get()).toBe('Second 0ne.')
  })
})
