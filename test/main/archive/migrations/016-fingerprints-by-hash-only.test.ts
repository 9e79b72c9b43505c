import { describe, expect, it } from 'vitest'
import { m016FingerprintsByHashOnly } from '../../../../src/main/archive/migrations/016-fingerprints-by-hash-only'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 016 (paragraph fingerprints keyed by hash only)', () => {
  it('keeps every fingerprint row, drops the index by article and the foreign key, and every statement on the table uses the primary key', () => {
    const { db, after } = runMigrationCase({
      version: m016FingerprintsByHashOnly.version,
      seed(db) {
        seedSchema1(db)
        const insert = db.prepare('INSERT INTO paragraph_fingerprints (hash, article_id, ordinal) VALUES (?, ?, ?)')
        for (const [hash, article, ordinal] of [[4_000_000_000, 1, 1], [17, 1, 2], [17, 2, 1], [99, 2, 2]]) insert.run(hash, article, ordinal)
      }
    })
    expect(after.paragraph_fingerprints).toHaveLength(4)
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'paragraph_fingerprints' ORDER BY name").pluck().all()
    expect(names).toEqual(['paragraph_fingerprints'])
    expect(db.pragma('foreign_key_list(paragraph_fingerprints)')).toEqual([])
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array<number>((sql.match(/\?/g) ?? []).length).fill(1)) as { detail: string }[]).map((p) => p.detail).join(' | ')
    const byKey = /SEARCH paragraph_fingerprints USING PRIMARY KEY \(hash=\? AND article_id=\? AND ordinal=\?\)/
    expect(plan('DELETE FROM paragraph_fingerprints WHERE hash = ? AND article_id = ? AND ordinal = ?')).toMatch(byKey)
    expect(plan('UPDATE paragraph_fingerprints SET ordinal = ? WHERE hash = ? AND article_id = ? AND ordinal = ?')).toMatch(byKey)
    expect(plan('SELECT 1 FROM paragraph_fingerprints f WHERE f.hash = ? LIMIT 5')).toMatch(/SEARCH f USING PRIMARY KEY \(hash=\?\)/)
    // An article goes without a look at the fingerprints (the archive removes its rows first).
    expect(plan('DELETE FROM articles WHERE id = 2')).not.toMatch(/paragraph_fingerprints/)
  })
})
