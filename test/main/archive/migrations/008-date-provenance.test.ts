import { describe, expect, it } from 'vitest'
import { m008DateProvenance } from '../../../../src/main/archive/migrations/008-date-provenance'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

type Row = Record<string, unknown>

describe('migration 008 (publication date provenance: weekday, import)', () => {
  it('keeps every row, index, trigger and reference of articles and accepts the new provenances only', () => {
    let schemaBefore: Row[] = []
    const { db } = runMigrationCase({
      version: m008DateProvenance.version,
      seed(db) {
        seedSchema1(db)
        schemaBefore = db.prepare("SELECT type, name FROM sqlite_schema WHERE tbl_name = 'articles' ORDER BY type, name").all() as Row[]
      }
    })
    expect(db.prepare("SELECT type, name FROM sqlite_schema WHERE tbl_name = 'articles' ORDER BY type, name").all()).toEqual(schemaBefore)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const id = db.prepare('SELECT id FROM articles ORDER BY id LIMIT 1').pluck().get() as number
    for (const provenance of ['weekday', 'import']) {
      db.prepare('UPDATE articles SET published_provenance = ? WHERE id = ?').run(provenance, id)
      expect(db.prepare('SELECT published_provenance FROM articles WHERE id = ?').pluck().get(id)).toBe(provenance)
    }
    expect(() => db.prepare("UPDATE articles SET published_provenance = 'guess' WHERE id = ?").run(id)).toThrow(/CHECK constraint/)
    // The insert trigger still feeds the search index, and the cascade still reaches paragraphs.
    db.prepare('DELETE FROM citations').run()
    db.prepare('DELETE FROM articles WHERE id = ?').run(id)
    expect(db.prepare('SELECT count(*) FROM paragraphs WHERE article_id = ?').pluck().get(id)).toBe(0)
    expect(db.prepare('SELECT count(*) FROM search_fts WHERE rowid = ?').pluck().get(id)).toBe(0)
  })
})
