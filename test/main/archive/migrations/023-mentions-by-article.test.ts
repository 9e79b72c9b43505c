import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/archive/db'
import { m023MentionsByArticle } from '../../../../src/main/archive/migrations/023-mentions-by-article'
import { databaseAt, expectConsistent, tableRows } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 023 (entity mentions clustered by article)', () => {
  it('keeps every mention with its article, entity, span and spelling, numbered in the order stored, and logs later changes', () => {
    const db = databaseAt(1)
    seedSchema1(db)
    migrate(db, m023MentionsByArticle.version - 1)
    db.exec(`
      INSERT INTO entities (id, kind, key, name, hidden, mentions, articles) VALUES
        (1, 'place', 'kyiv', 'Kyiv', 0, 3, 2), (2, 'person', 'a writer', 'A. Writer', 0, 1, 1);
      INSERT INTO entity_mentions (id, article_id, entity_id, start, end, text, key) VALUES
        (10, 2, 1, 3, 9, 'sommet', 'sommet'),
        (11, 1, 2, 0, 5, 'First', 'first'),
        (12, 1, 1, 6, 15, 'paragraph', 'paragraph'),
        (13, 1, 1, 23, 29, 'Second', 'second');
    `)
    const before = tableRows(db)
    migrate(db, m023MentionsByArticle.version)
    const after = tableRows(db)

    const mention = (r: Record<string, unknown>) => [r.article_id, r.entity_id, r.start, r.end, r.text]
    expect(after.entity_mentions!.map(mention).sort()).toEqual(before.entity_mentions!.map(mention).sort())
    // seq follows the stored order within each article (the old ids), from 0.
    expect(db.prepare('SELECT article_id, seq, text FROM entity_mentions ORDER BY article_id, seq').raw().all()).toEqual([
      [1, 0, 'First'],
      [1, 1, 'paragraph'],
      [1, 2, 'Second'],
      [2, 0, 'sommet']
    ])
    expect(Object.keys(after.entity_mentions![0]!)).not.toContain('key')
    expectConsistent(db)

    // The readers' load is an ordered scan of the table, with no sort and no other index.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT article_id, entity_id FROM entity_mentions ORDER BY article_id, entity_id').all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join('; ')).not.toMatch(/TEMP B-TREE|INDEX/)
    const byEntity = db.prepare('EXPLAIN QUERY PLAN SELECT DISTINCT article_id FROM entity_mentions WHERE entity_id = 1').all() as { detail: string }[]
    expect(byEntity.map((p) => p.detail).join('; ')).toMatch(/USING COVERING INDEX entity_mentions_entity/)

    // The change-log triggers came back: moving a mention logs its article for the readers.
    const logged = (): number => db.prepare('SELECT count(*) FROM search_article_log').pluck().get() as number
    const n = logged()
    db.prepare('UPDATE entity_mentions SET entity_id = 2 WHERE article_id = 2').run()
    expect(logged()).toBeGreaterThan(n)
    db.prepare('DELETE FROM articles WHERE id = 2').run()
    expect(db.prepare('SELECT count(*) FROM entity_mentions WHERE article_id = 2').pluck().get()).toBe(0)
  })
})
