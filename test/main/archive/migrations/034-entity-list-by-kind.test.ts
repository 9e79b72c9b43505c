import { describe, expect, it } from 'vitest'
import { m034EntityListByKind } from '../../../../src/main/archive/migrations/034-entity-list-by-kind'
import { runMigrationCase } from '../../../support/migrations'

describe('migration 034 (entity list by kind)', () => {
  it("hands a kind's page over in order and counts it from the index alone", () => {
    const { db } = runMigrationCase({
      version: m034EntityListByKind.version,
      seed(db) {
        db.prepare(
          "INSERT INTO entities (kind, key, name, mentions, articles) VALUES ('org', 'taliban', 'Taliban', 9, 4), ('person', 'masud', 'Massoud', 3, 2), ('org', 'tass', 'TASS', 0, 0)"
        ).run()
      }
    })
    const plan = (query: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ')
    const page = "SELECT id FROM entities WHERE kind = 'org' AND mentions > 0 AND hidden = 0 ORDER BY articles DESC, id LIMIT 50"
    expect(plan(page)).toMatch(/USING (COVERING )?INDEX entities_by_kind \(kind=\?\)/)
    expect(plan(page)).not.toMatch(/TEMP B-TREE/)
    expect(plan("SELECT count(*) FROM entities WHERE kind = 'org' AND mentions > 0 AND hidden = 0")).toMatch(/COVERING INDEX entities_by_kind/)
    expect(db.prepare(page).pluck().all()).toEqual([1])
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'entities_by_articles'").get()).toBeUndefined()
  })
})
