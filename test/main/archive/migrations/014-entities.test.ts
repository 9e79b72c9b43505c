import { describe, expect, it } from 'vitest'
import { m014Entities } from '../../../../src/main/archive/migrations/014-entities'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 014 (named entities)', () => {
  it('adds empty entity tables whose per-article and per-entity reads use an index, and mentions go with their article', () => {
    const { db, after } = runMigrationCase({ version: m014Entities.version, seed: seedSchema1 })
    for (const t of ['entities', 'entity_mentions', 'entity_spellings', 'entity_decisions', 'place_keys']) expect(after[t]).toEqual([])
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ')
    expect(plan('SELECT entity_id, start FROM entity_mentions WHERE article_id = 1')).toMatch(/USING INDEX entity_mentions_article/)
    expect(plan('SELECT count(DISTINCT article_id) FROM entity_mentions WHERE entity_id = 1')).toMatch(/COVERING INDEX entity_mentions_entity/)
    expect(plan('SELECT id FROM entities ORDER BY articles DESC, id LIMIT 50')).toMatch(/entities_by_articles/)
    expect(plan("SELECT id FROM entities WHERE kind = 'person' AND key = 'masud'")).toMatch(/sqlite_autoindex_entities_1/)
    db.prepare(`INSERT INTO entities (id, kind, key, name) VALUES (1, 'person', 'masud', 'Massoud')`).run()
    expect(() => db.prepare(`INSERT INTO entities (kind, key, name) VALUES ('ship', 'x', 'X')`).run()).toThrow()
    db.prepare(`INSERT INTO entity_mentions (article_id, entity_id, start, end, text, key) VALUES (1, 1, 0, 7, 'Massoud', 'masud'), (2, 1, 4, 10, 'Masood', 'masud')`).run()
    db.prepare('DELETE FROM citations').run()
    db.prepare('DELETE FROM proposals').run()
    db.prepare('DELETE FROM articles WHERE id = 2').run()
    expect(db.prepare('SELECT article_id FROM entity_mentions').pluck().all()).toEqual([1])
  })
})
