import { describe, expect, it } from 'vitest'
import { m019EntityMentionLog } from '../../../../src/main/archive/migrations/019-entity-mention-log'
import { migrate } from '../../../../src/main/archive/db'
import { databaseAt } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 019 (mention changes in the article change log)', () => {
  it('logs the article of every mention added, moved or removed, and moves the search generation', () => {
    // Seeded at the first schema (its rows need the paragraph text column 018 dropped), then upgraded.
    const db = databaseAt(1)
    seedSchema1(db)
    migrate(db, m019EntityMentionLog.version)
    const log = (): number[] => db.prepare('SELECT article_id FROM search_article_log ORDER BY seq').pluck().all() as number[]
    const generation = (): number => db.prepare('SELECT generation FROM search_state').pluck().get() as number
    db.prepare('DELETE FROM search_article_log').run()
    const entity = (name: string): number =>
      Number(db.prepare("INSERT INTO entities (kind, key, name, hidden, mentions, articles) VALUES ('person', ?, ?, 0, 0, 0)").run(name.toLowerCase(), name).lastInsertRowid)
    const [a, b] = [entity('Amina'), entity('Zed')]
    const g0 = generation()
    const mention = db.prepare("INSERT INTO entity_mentions (article_id, entity_id, start, end, text, key) VALUES (?, ?, 0, 5, 'Amina', 'amina')")
    mention.run(1, a)
    mention.run(2, a)
    expect(log()).toEqual([1, 2])
    expect(generation()).toBeGreaterThan(g0)
    const g1 = generation()
    // A merge moves mentions to another entity: both articles' entities changed.
    db.prepare('UPDATE entity_mentions SET entity_id = ? WHERE entity_id = ?').run(b, a)
    expect(log()).toEqual([1, 2, 1, 2])
    expect(generation()).toBeGreaterThan(g1)
    // Changing only a mention's spelling leaves the article's entities as they were.
    db.prepare("UPDATE entity_mentions SET text = 'AMINA'").run()
    expect(log()).toHaveLength(4)
    db.prepare('UPDATE entity_mentions SET article_id = 1 WHERE article_id = 2').run()
    expect(log().slice(4)).toEqual([1, 2])
    db.prepare('DELETE FROM entity_mentions').run()
    expect(log().slice(6)).toEqual([1, 1])
  })
})
