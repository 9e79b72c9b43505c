import { describe, expect, it } from 'vitest'
import { m002ImportDedupe } from '../../../../src/main/archive/migrations/002-import-dedupe'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 002 (import dedupe memory)', () => {
  it('keeps every schema-1 row and adds empty fingerprint tables that cascade with their article', () => {
    const { db, after } = runMigrationCase({ version: m002ImportDedupe.version, seed: seedSchema1 })
    expect(after.paragraph_fingerprints).toEqual([])
    expect(after.outlet_paragraphs).toEqual([])
    db.prepare('INSERT INTO paragraph_fingerprints (hash, article_id, ordinal) VALUES (42, 1, 1)').run()
    db.prepare(`INSERT INTO outlet_paragraphs (outlet_key, hash, article_id) VALUES ('tass', 42, 1)`).run()
    db.prepare('DELETE FROM citations').run()
    db.prepare('DELETE FROM articles WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM paragraph_fingerprints').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM outlet_paragraphs').pluck().get()).toBe(0)
  })
})
