import { describe, expect, it } from 'vitest'
import { m021NearDuplicatesByArticle } from '../../../../src/main/archive/migrations/021-near-duplicates-by-article'
import { migrate } from '../../../../src/main/archive/db'
import { renumberPairedParagraph, shrinkLinks, unlinkArticles, unpairParagraph } from '../../../../src/main/archive/repo/shared-paragraphs'
import { databaseAt, expectConsistent, tableRows } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 021 (near-duplicate links keyed by article only)', () => {
  it('keeps every link and pair, drops the indexes and foreign key by the other article, and no statement on them scans', () => {
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

    // Every statement the archive runs on these tables, planned: none scans a table.
    const statements: string[] = []
    const prepare = db.prepare.bind(db)
    db.prepare = ((source: string) => (statements.push(source), prepare(source))) as typeof db.prepare
    db.transaction(() => {
      renumberPairedParagraph(db, 1, 2, 3)
      shrinkLinks(db, 1, unpairParagraph(db, 1, 3))
      unlinkArticles(db, [1])
    })()
    db.prepare = prepare
    const touching = statements.filter((s) => /near_duplicate/.test(s))
    expect(touching.length).toBeGreaterThanOrEqual(6)
    for (const source of [...touching, 'DELETE FROM articles WHERE id = 2']) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...Array<number>((source.match(/\?/g) ?? []).length).fill(1)) as { detail: string }[])
        .map((p) => p.detail)
        .join(' | ')
      expect(plan, source).not.toMatch(/SCAN (near_duplicate|n\b)/)
    }
    // The pair moved, then went both ways; the link, left with no pair, went both ways too.
    expect(db.prepare('SELECT count(*) FROM near_duplicate_paragraphs').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM near_duplicates').pluck().get()).toBe(0)
  })
})
