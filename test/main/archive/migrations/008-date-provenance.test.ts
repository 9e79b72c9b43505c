import { describe, expect, it } from 'vitest'
import { m008DateProvenance } from '../../../../src/main/archive/migrations/008-date-provenance'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

type Row = Record<string, unknown>

describe('migration 008 (publication date provenance: weekday, capture, import, related)', () => {
  it('keeps every row, index, trigger and reference of articles and accepts the new provenances only', () => {
    let schemaBefore: Row[] = []
    const { db } = runMigrationCase({
      version: m008DateProvenance.version,
      seed(db) {
        seedSchema1(db)
        schemaBefore = db.prepare("SELECT type, name FROM sqlite_schema WHERE tbl_name = 'articles' ORDER BY type, name").all() as Row[]
      }
    })
    const names = (db.prepare("SELECT type, name FROM sqlite_schema WHERE tbl_name = 'articles' ORDER BY type, name").all() as Row[]).filter(
      (r) => r.name !== 'articles_year_unknown'
    )
    expect(names).toEqual(schemaBefore)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const id = db.prepare('SELECT id FROM articles ORDER BY id LIMIT 1').pluck().get() as number
    for (const provenance of ['weekday', 'capture', 'import', 'related']) {
      db.prepare('UPDATE articles SET published_provenance = ? WHERE id = ?').run(provenance, id)
      expect(db.prepare('SELECT published_provenance FROM articles WHERE id = ?').pluck().get(id)).toBe(provenance)
    }
    expect(() => db.prepare("UPDATE articles SET published_provenance = 'guess' WHERE id = ?").run(id)).toThrow(/CHECK constraint/)
    // An unknown year has no days; changing only the EDTF string still tells search caches.
    const generation = (): number => db.prepare('SELECT generation FROM search_state').pluck().get() as number
    db.prepare("UPDATE articles SET published_edtf = 'XXXX-03-17', published_earliest = NULL, published_latest = NULL WHERE id = ?").run(id)
    const g = generation()
    db.prepare("UPDATE articles SET published_edtf = 'XXXX-04-02' WHERE id = ?").run(id)
    expect(generation()).toBe(g + 1)
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT id FROM articles WHERE substr(published_edtf, 1, 4) = 'XXXX'").all() as Row[]).map((r) => r.detail).join(' ')
    expect(plan).toMatch(/articles_year_unknown/)
    // The insert trigger still feeds the search index, and the cascade still reaches paragraphs.
    db.prepare('DELETE FROM citations').run()
    db.prepare('DELETE FROM articles WHERE id = ?').run(id)
    expect(db.prepare('SELECT count(*) FROM paragraphs WHERE article_id = ?').pluck().get(id)).toBe(0)
    expect(db.prepare('SELECT count(*) FROM search_fts WHERE rowid = ?').pluck().get(id)).toBe(0)
  })
})
