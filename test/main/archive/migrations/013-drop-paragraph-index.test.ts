import { describe, expect, it } from 'vitest'
import { m013DropParagraphIndex } from '../../../../src/main/archive/migrations/013-drop-paragraph-index'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 013 (drop the unused paragraph full-text index)', () => {
  it('drops paragraphs_fts and its triggers, keeps every row, and paragraphs stay editable with search in sync', () => {
    const { db } = runMigrationCase({ version: m013DropParagraphIndex.version, seed: seedSchema1 })
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'paragraphs_fts%' OR name LIKE 'paragraphs_a_'").pluck().all()
    expect(names).toEqual([])
    // The article index is untouched and still follows edits of paragraphs and text.
    db.prepare("UPDATE paragraphs SET text = 'rewritten harbour line' WHERE id = 1").run()
    db.prepare("UPDATE articles SET text = text || ' zanzibarite' WHERE id = 1").run()
    db.prepare('DELETE FROM paragraphs WHERE id = 2').run()
    expect(db.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH 'zanzibarite'").pluck().all()).toEqual([1])
    db.prepare("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)").run()
  })
})
