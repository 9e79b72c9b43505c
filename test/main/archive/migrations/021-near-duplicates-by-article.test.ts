import { describe, expect, it } from 'vitest'
import { m021NearDuplicatesByArticle } from '../../../../src/main/archive/migrations/021-near-duplicates-by-article'
import { migrate } from '../../../../src/main/archive/db'
import { databaseAt, expectConsistent, tableRows } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 021 (near-duplicate links keyed by article only)', () => {
  it('keeps every link and pair, and drops the indexes and foreign key by the other article', () => {
    // Seeded at the first schema (its rows need the paragraph text column 018 dropped), then upgraded.
    const db = databaseAt(1)
    seedSchema1(db)
    migrate(db, m021NearDuplicatesByArticle.version - 1)
    db.exec(`INSERT INTO near_duplicate_paragraphs (article_id, other_id, ordinal, other_ordinal) VALUES (1, 2, 2, 1), (2, 1, 1, 2)`)
    const before = tableRows(db)
    migrate(db, m021NearDuplicatesByArticle.version)
    const after = tableRows(db)
    expect(after.near_duplicates).toEqual(before.near_duplicates)
    expect(after.near_duplicate_paragraphs).toEqual(before.near_duplicate_paragraphs)
    expectConsistent(db)
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('near_duplicates', 'near_duplicate_paragraphs') ORDER BY name")
      .pluck()
      .all()
    expect(indexes).toEqual([])
    for (const table of ['near_duplicates', 'near_duplicate_paragraphs']) {
      expect((db.pragma(`foreign_key_list(${table})`) as { from: string }[]).map((k) => k.from)).toEqual(['article_id'])
    }
  })
})
