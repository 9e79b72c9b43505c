import { describe, expect, it } from 'vitest'
import { m030EntityStale } from '../../../../src/main/archive/migrations/030-entity-stale'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 030 (articles whose names were found by older rules)', () => {
  it('marks every article present as stale, and an article leaves the list with its deletion', () => {
    const { db, after } = runMigrationCase({ version: m030EntityStale.version, seed: seedSchema1, seedAt: 1 })
    const articles = db.prepare('SELECT id FROM article_store ORDER BY id').pluck().all() as number[]
    expect(articles.length).toBeGreaterThan(1)
    expect(after.entity_stale!.map((r) => r.article_id)).toEqual(articles)
    // The last one is cited by no event (the seed's citations would refuse its deletion).
    db.prepare('DELETE FROM articles WHERE id = ?').run(articles.at(-1))
    expect(db.prepare('SELECT article_id FROM entity_stale ORDER BY 1').pluck().all()).toEqual(articles.slice(0, -1))
    expect(db.pragma('foreign_key_check')).toEqual([])
  })
})
