import { describe, expect, it } from 'vitest'
import { m035ArticlesById } from '../../../../src/main/archive/migrations/035-articles-by-id'
import { runMigrationCase } from '../../../support/migrations'

describe('migration 035 (articles by id)', () => {
  it('steps over articles in id order, and counts them, without reading their rows', () => {
    const { db } = runMigrationCase({ version: m035ArticlesById.version, seed() {} })
    const plan = (query: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ')
    expect(plan('SELECT a.id FROM articles a ORDER BY a.id DESC LIMIT 100 OFFSET 50000')).toMatch(/COVERING INDEX articles_by_id/)
    expect(plan('SELECT a.id FROM articles a ORDER BY a.id ASC LIMIT 100 OFFSET 50000')).toMatch(/COVERING INDEX articles_by_id/)
    expect(plan('SELECT count(*) FROM articles')).toMatch(/COVERING INDEX articles_by_id/)
  })
})
