import { describe, expect, it } from 'vitest'
import { m007TagIndexes } from '../../../../src/main/archive/migrations/007-tag-indexes'
import { listArticleTags } from '../../../../src/main/archive/repo/article-tags'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 007 (tag lookup indexes)', () => {
  it('keeps every earlier row and finds a tag’s articles and events from an index', () => {
    const { db } = runMigrationCase({ version: m007TagIndexes.version, seed: seedSchema1 })
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ')
    expect(plan('SELECT article_id FROM article_tags WHERE tag_id = 1')).toMatch(/article_tags_tag/)
    expect(plan('SELECT 1 FROM event_tags WHERE tag_id = 1')).toMatch(/event_tags_tag/)
    expect(listArticleTags(db)).toEqual([{ name: 'logistics', count: 1 }])
  })
})
