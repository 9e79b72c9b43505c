import { describe, expect, it } from 'vitest'
import { m017DuplicateOfIndex } from '../../../../src/main/archive/migrations/017-duplicate-of-index'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 017 (index of articles by the article they duplicate)', () => {
  it('deleting an article finds its duplicates through the index instead of scanning every article, and still clears their link', () => {
    const { db } = runMigrationCase({ version: m017DuplicateOfIndex.version, seed: seedSchema1 })
    const plan = (sql: string): string => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ')
    const del = plan('DELETE FROM articles WHERE id = 2')
    expect(del).toMatch(/SEARCH articles USING COVERING INDEX articles_duplicate_of \(duplicate_of=\?\)/)
    expect(del).not.toMatch(/SCAN articles/)
    db.prepare('UPDATE articles SET duplicate_of = 2 WHERE id = 1').run()
    db.prepare('DELETE FROM citations').run()
    db.prepare('DELETE FROM proposals').run()
    db.prepare('DELETE FROM articles WHERE id = 2').run()
    expect(db.prepare('SELECT duplicate_of FROM articles WHERE id = 1').pluck().get()).toBeNull()
  })
})
