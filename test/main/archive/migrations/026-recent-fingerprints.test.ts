import { describe, expect, it } from 'vitest'
import { m026RecentFingerprints } from '../../../../src/main/archive/migrations/026-recent-fingerprints'
import { fingerprintCounts, fingerprintRows, storeFingerprints } from '../../../../src/main/archive/repo/fingerprints'
import { migrate } from '../../../../src/main/archive/db'
import { SCHEMA_VERSION } from '../../../../src/main/archive/migrations'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 026 (recent paragraph fingerprints kept apart)', () => {
  it('keeps the stored fingerprints where they are, and lookups see them beside the new ones', () => {
    const { db, before, after } = runMigrationCase({
      version: m026RecentFingerprints.version,
      seed(db) {
        seedSchema1(db)
        const article = db.prepare('SELECT min(id) FROM articles').pluck().get() as number
        db.prepare('INSERT INTO paragraph_fingerprints (hash, article_id, ordinal) VALUES (?, ?, ?), (?, ?, ?)').run(7, article, 0, 9, article, 1)
      },
      seedAt: 2
    })
    expect(after.paragraph_fingerprints).toEqual(before.paragraph_fingerprints)
    expect(after.paragraph_fingerprints_recent).toEqual([])
    // Appended by article: an import writes at the end of the table, never at a random place.
    const plan = (db.prepare('EXPLAIN QUERY PLAN DELETE FROM paragraph_fingerprints_recent WHERE article_id = ? AND ordinal = ? AND hash = ?').all(1, 2, 7) as { detail: string }[])
      .map((p) => p.detail)
      .join(' | ')
    expect(plan).toMatch(/SEARCH paragraph_fingerprints_recent USING PRIMARY KEY \(article_id=\? AND ordinal=\? AND hash=\?\)/)
    // The code of today reads the tables as the later migrations leave them.
    migrate(db, SCHEMA_VERSION)
    const article = db.prepare('SELECT min(id) FROM articles').pluck().get() as number
    storeFingerprints(db, article, [[7, 2]])
    expect(fingerprintCounts(db, [7, 9, 8], 65)).toEqual([
      { hash: 7, n: 2 },
      { hash: 9, n: 1 },
      { hash: 8, n: 0 }
    ])
    expect(fingerprintRows(db, [7], 10)).toEqual([
      { hash: 7, article_id: article, ordinal: 0 },
      { hash: 7, article_id: article, ordinal: 2 }
    ])
  })
})
