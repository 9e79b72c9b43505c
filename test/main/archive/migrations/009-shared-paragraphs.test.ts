import { describe, expect, it } from 'vitest'
import { m009SharedParagraphs } from '../../../../src/main/archive/migrations/009-shared-paragraphs'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 009 (near-duplicate paragraph pairs, learned boilerplate lines)', () => {
  it('keeps every earlier row and link count, adds empty tables, and finds pairs by the other side from an index', () => {
    const { db, after } = runMigrationCase({ version: m009SharedParagraphs.version, seed: seedSchema1 })
    expect(after.near_duplicate_paragraphs).toEqual([])
    expect(after.outlet_boilerplate).toEqual([])
    // Links made before keep their count without pairs.
    expect(after.near_duplicates).toEqual([
      { article_id: 1, other_id: 2, shared_paragraphs: 1 },
      { article_id: 2, other_id: 1, shared_paragraphs: 1 }
    ])
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ')
    expect(plan('SELECT article_id FROM near_duplicate_paragraphs WHERE other_id = 1 AND other_ordinal = 2')).toMatch(
      /near_duplicate_paragraphs_other/
    )
    expect(plan('SELECT other_id FROM near_duplicate_paragraphs WHERE article_id = 1 AND ordinal > 1')).toMatch(/PRIMARY KEY/)
    db.prepare('INSERT INTO near_duplicate_paragraphs (article_id, other_id, ordinal, other_ordinal) VALUES (1, 2, 2, 1), (2, 1, 1, 2)').run()
    db.prepare(`INSERT INTO outlet_boilerplate (outlet_key, hash, learned_at) VALUES ('outlet:tass', 42, '2024-03-01')`).run()
    expect(() => db.prepare(`INSERT INTO outlet_boilerplate (outlet_key, hash, learned_at) VALUES ('outlet:tass', 42, 'x')`).run()).toThrow(
      /UNIQUE/
    )
    // Either article going takes both directions of its pairs with it.
    db.prepare('DELETE FROM citations').run()
    db.prepare('DELETE FROM proposals').run()
    db.prepare('DELETE FROM articles WHERE id = 2').run()
    expect(db.prepare('SELECT count(*) FROM near_duplicate_paragraphs').pluck().get()).toBe(0)
  })
})
