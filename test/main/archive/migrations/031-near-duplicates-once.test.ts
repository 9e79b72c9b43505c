import { describe, expect, it } from 'vitest'
import { m031NearDuplicatesOnce } from '../../../../src/main/archive/migrations/031-near-duplicates-once'
import { migrate } from '../../../../src/main/archive/db'
import { getArticle, nearDuplicateLinks } from '../../../../src/main/archive/repo/articles'
import {
  linkSharedParagraphs,
  renumberPairedParagraph,
  sharedParagraphPairs,
  shrinkLinks,
  unlinkArticles,
  unpairParagraph
} from '../../../../src/main/archive/repo/shared-paragraphs'
import { databaseAt, runMigrationCase, tableRows } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 031 (near-duplicate links stored once, from the later article)', () => {
  it('keeps each link and pair once, reads them the same from either side, and no statement on them scans', () => {
    // Seeded at 009, which made the pairs table (the seed's paragraphs need the text column 018 dropped).
    const { db, before, after } = runMigrationCase({
      version: m031NearDuplicatesOnce.version,
      seedAt: 9,
      seed(db) {
        seedSchema1(db)
        db.exec(`INSERT INTO near_duplicate_paragraphs (article_id, other_id, ordinal, other_ordinal) VALUES (1, 2, 2, 1), (2, 1, 1, 2)`)
      },
      reshaped: ['near_duplicates', 'near_duplicate_paragraphs']
    })
    expect(after.near_duplicates).toEqual([{ article_id: 2, other_id: 1, shared_paragraphs: 1 }])
    expect(after.near_duplicate_paragraphs).toEqual([{ article_id: 2, other_id: 1, ordinal: 1, other_ordinal: 2 }])
    expect(sharedParagraphPairs(db, 1)).toEqual(pairsStoredBothWays(before.near_duplicate_paragraphs!, 1))
    expect(sharedParagraphPairs(db, 2)).toEqual(pairsStoredBothWays(before.near_duplicate_paragraphs!, 2))
    expect(nearDuplicateLinks(db, 1).map((l) => [l.articleId, l.sharedParagraphs, l.paragraphs])).toEqual([[2, 1, [{ ordinal: 2, otherOrdinal: 1 }]]])
    expect(getArticle(db, 1).nearDuplicateCount).toBe(1)
    expect(getArticle(db, 2).nearDuplicateCount).toBe(1)
    expect(() => db.exec('INSERT INTO near_duplicates (article_id, other_id, shared_paragraphs) VALUES (1, 2, 1)')).toThrow(/CHECK/)

    // Linked from the earlier side, the rows are stored from the later one all the same.
    db.exec('DELETE FROM near_duplicate_paragraphs; DELETE FROM near_duplicates')
    linkSharedParagraphs(db, 1, [{ otherId: 2, paragraphs: [{ ordinal: 2, otherOrdinal: 1 }] }])
    expect(tableRows(db).near_duplicate_paragraphs).toEqual(after.near_duplicate_paragraphs)
    expect(tableRows(db).near_duplicates).toEqual(after.near_duplicates)

    // Every statement the archive runs on these tables, planned: none scans a table.
    const statements: string[] = []
    const prepare = db.prepare.bind(db)
    db.prepare = ((source: string) => (statements.push(source), prepare(source))) as typeof db.prepare
    db.transaction(() => {
      getArticle(db, 1)
      renumberPairedParagraph(db, 1, 2, 3)
      expect(sharedParagraphPairs(db, 1)).toEqual(new Map([[2, [{ ordinal: 3, otherOrdinal: 1 }]]]))
      const lost = unpairParagraph(db, 1, 3)
      expect(lost).toEqual(new Map([[2, 1]]))
      shrinkLinks(db, 1, lost)
      unlinkArticles(db, [1])
    })()
    db.prepare = prepare
    const touching = statements.filter((s) => /near_duplicate/.test(s))
    expect(touching.length).toBeGreaterThanOrEqual(9)
    for (const source of [...touching, 'DELETE FROM articles WHERE id = 2']) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...parameters(source)) as { detail: string }[])
        .map((p) => p.detail)
        .join(' | ')
      expect(plan, source).not.toMatch(/SCAN (near_duplicate|n\b)/)
    }
    // The pair moved, then went; the link, left with no pair, went too.
    expect(db.prepare('SELECT count(*) FROM near_duplicate_paragraphs').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM near_duplicates').pluck().get()).toBe(0)
  })

  it('removes the rows naming a deleted earlier article, found by the index', () => {
    const db = databaseAt(1)
    seedSchema1(db)
    migrate(db, m031NearDuplicatesOnce.version)
    linkSharedParagraphs(db, 2, [{ otherId: 1, paragraphs: [{ ordinal: 1, otherOrdinal: 2 }] }])
    unlinkArticles(db, [1])
    expect(tableRows(db).near_duplicates).toEqual([])
    expect(tableRows(db).near_duplicate_paragraphs).toEqual([])
  })
})

/** Ones for every parameter a statement takes: named (@article) in one object, or plain ones in order. */
function parameters(source: string): unknown[] {
  const names = [...new Set(source.match(/@\w+/g) ?? [])]
  if (names.length > 0) return [Object.fromEntries(names.map((n) => [n.slice(1), 1]))]
  return Array<number>((source.match(/\?/g) ?? []).length).fill(1)
}

/** An article's pairs as the schema before read them: its own rows, stored both ways. */
function pairsStoredBothWays(rows: readonly Record<string, unknown>[], articleId: number): Map<number, { ordinal: number; otherOrdinal: number }[]> {
  const out = new Map<number, { ordinal: number; otherOrdinal: number }[]>()
  for (const r of rows as { article_id: number; other_id: number; ordinal: number; other_ordinal: number }[]) {
    if (r.article_id === articleId) out.set(r.other_id, [...(out.get(r.other_id) ?? []), { ordinal: r.ordinal, otherOrdinal: r.other_ordinal }])
  }
  return out
}
