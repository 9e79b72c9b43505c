import { describe, expect, it } from 'vitest'
import { m033SpellingsByText } from '../../../../src/main/archive/migrations/033-spellings-by-text'
import { runMigrationCase } from '../../../support/migrations'

describe('migration 033 (entity spellings by text)', () => {
  it('finds the entities seen under a spelling, in any ASCII case, from the index', () => {
    const { db } = runMigrationCase({
      version: m033SpellingsByText.version,
      seed(db) {
        db.prepare("INSERT INTO entities (kind, key, name) VALUES ('place', 'unitid statis', 'United States'), ('place', 'rusia', 'Russia')").run()
        db.prepare("INSERT INTO entity_spellings (entity_id, text, n) VALUES (1, 'United States', 4), (1, 'US', 2), (1, 'America', 1), (2, 'Russia', 3)").run()
      }
    })
    const query = 'SELECT entity_id FROM entity_spellings WHERE text = ? COLLATE NOCASE ORDER BY entity_id'
    expect(db.prepare(query).pluck().all('us')).toEqual([1])
    expect(db.prepare(query).pluck().all('AMERICA')).toEqual([1])
    expect(db.prepare(query).pluck().all('rus')).toEqual([])
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${query}`).all('us') as { detail: string }[]
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING (COVERING )?INDEX entity_spellings_by_text \(text=\?\)/)
  })
})
