import { describe, expect, it } from 'vitest'
import { m001Initial } from '../../../../src/main/archive/migrations/001-initial'
import { expectConsistent, ordinaryTables, runMigrationCase, tableRows } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 001 (initial schema)', () => {
  it('creates every table STRICT on an empty database, accepts representative rows and keeps FTS in sync', () => {
    const { db, before } = runMigrationCase({ version: m001Initial.version, seed: () => {} })
    expect(before).toEqual({})
    const tables = ordinaryTables(db)
    expect(tables).toEqual([
      'article_tags', 'articles', 'chronologies', 'chronology_events', 'citations', 'event_entities', 'event_tags',
      'events', 'files', 'near_duplicates', 'paragraphs', 'proposals', 'settings', 'source_aliases', 'sources', 'tags'
    ])
    for (const t of tables) {
      expect(db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').pluck().get(t), t).toBe(1)
    }
    seedSchema1(db)
    expectConsistent(db)
    const rows = tableRows(db)
    for (const t of tables) expect(rows[t]!.length, t).toBeGreaterThan(0)
    expect(db.prepare(`SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH 'sommet'`).pluck().all()).toEqual([3])
    expect(db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'reunion'`).pluck().all()).toEqual([2])
  })
})
