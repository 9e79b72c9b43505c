import { describe, expect, it } from 'vitest'
import { m029RecentFingerprintsPerArticle } from '../../../../src/main/archive/migrations/029-recent-fingerprints-per-article'
import { fingerprintCounts, fingerprintRows, mergeRecentFingerprints } from '../../../../src/main/archive/repo/fingerprints'
import { FINGERPRINT_ROWS } from '../../../support/fingerprints'
import { runMigrationCase } from '../../../support/migrations'

describe('migration 029 (recent paragraph fingerprints one row per article)', () => {
  it("keeps every recent row, as its article's pairs, and lookups and merges see them as before", () => {
    // (article, ordinal, hash); a hash above 2^31 too.
    const recent = [
      [3, 0, 7],
      [3, 0, 9],
      [3, 2, 7],
      [5, 1, 4_000_000_000]
    ]
    const { db, before, after } = runMigrationCase({
      version: m029RecentFingerprintsPerArticle.version,
      seed(db) {
        const insert = db.prepare('INSERT INTO paragraph_fingerprints_recent (article_id, ordinal, hash) VALUES (?, ?, ?)')
        for (const row of recent) insert.run(...row)
        db.prepare('INSERT INTO paragraph_fingerprints (hash, article_id, ordinal) VALUES (7, 1, 0)').run()
      },
      reshaped: ['paragraph_fingerprints_recent']
    })
    expect(before.paragraph_fingerprints_recent).toHaveLength(4)
    expect(after.paragraph_fingerprints_recent).toEqual([
      { article_id: 3, pairs: '[[7,0],[9,0],[7,2]]' },
      { article_id: 5, pairs: '[[4000000000,1]]' }
    ])
    const all = (): unknown[] => db.prepare(`SELECT hash, article_id, ordinal FROM ${FINGERPRINT_ROWS} ORDER BY 1, 2, 3`).all()
    const expected = [
      { hash: 7, article_id: 1, ordinal: 0 },
      { hash: 7, article_id: 3, ordinal: 0 },
      { hash: 7, article_id: 3, ordinal: 2 },
      { hash: 9, article_id: 3, ordinal: 0 },
      { hash: 4_000_000_000, article_id: 5, ordinal: 1 }
    ]
    expect(all()).toEqual(expected)
    expect(fingerprintCounts(db, [7, 9, 4_000_000_000, 8], 65).map((c) => c.n)).toEqual([3, 1, 1, 0])
    expect(fingerprintRows(db, [7], 10)).toEqual(expected.slice(0, 3))
    mergeRecentFingerprints(db)
    expect(db.prepare('SELECT count(*) FROM paragraph_fingerprints_recent').pluck().get()).toBe(0)
    expect(db.prepare('SELECT hash, article_id, ordinal FROM paragraph_fingerprints ORDER BY 1, 2, 3').all()).toEqual(expected)
  })
})
