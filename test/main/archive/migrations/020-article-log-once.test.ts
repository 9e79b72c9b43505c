import { describe, expect, it } from 'vitest'
import { m020ArticleLogOnce } from '../../../../src/main/archive/migrations/020-article-log-once'
import { migrate } from '../../../../src/main/archive/db'
import { articlesChangedSince } from '../../../../src/main/archive/repo/search-meta'
import { databaseAt } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 020 (one change log entry per run of changes to one article)', () => {
  it('cuts the log to its newest entry and logs a change only when the newest entry names another article', () => {
    // Seeded at the first schema (its rows need the paragraph text column 018 dropped), then upgraded.
    const db = databaseAt(1)
    seedSchema1(db)
    migrate(db, m020ArticleLogOnce.version - 1)
    const entity = Number(
      db.prepare("INSERT INTO entities (kind, key, name, hidden, mentions, articles) VALUES ('person', 'amina', 'Amina', 0, 0, 0)").run()
        .lastInsertRowid
    )
    const mention = db.prepare("INSERT INTO entity_mentions (article_id, entity_id, start, end, text, key) VALUES (?, ?, 0, 5, 'Amina', 'amina')")
    for (const article of [1, 1, 1, 2, 2, 1]) mention.run(article, entity)
    const log = (): number[][] => db.prepare('SELECT seq, article_id FROM search_article_log ORDER BY seq').raw().all() as number[][]
    const [newest] = log().slice(-1)
    expect(log()).toHaveLength(6)

    migrate(db, m020ArticleLogOnce.version)
    expect(log()).toEqual([newest])
    const generation = (): number => db.prepare('SELECT generation FROM search_state').pluck().get() as number
    const position = newest![0]!
    // The newest entry names article 1. Article 2's mentions, one after another: one entry.
    const g0 = generation()
    mention.run(2, entity)
    mention.run(2, entity)
    expect(log().slice(1)).toEqual([[position + 1, 2]])
    expect(generation()).toBe(g0 + 2)
    mention.run(1, entity)
    db.prepare("UPDATE articles SET language = 'de' WHERE id = 2").run()
    db.prepare('DELETE FROM entity_mentions WHERE article_id = 1').run()
    expect(log().slice(1).map(([, id]) => id)).toEqual([2, 1, 2, 1])
    // Mentions moved between articles log both, and never the same article twice in a row.
    db.prepare('UPDATE entity_mentions SET article_id = 1 WHERE article_id = 2').run()
    const ids = log().map(([, id]) => id)
    expect(ids.slice(5)).toContain(2)
    expect(ids.slice(5)).toContain(1)
    expect(ids.filter((id, i) => i > 0 && ids[i - 1] === id)).toEqual([])
  })

  it('leaves no change unseen by a reader: the article at its position is read again', () => {
    const db = databaseAt(1)
    seedSchema1(db)
    migrate(db, m020ArticleLogOnce.version)
    const entity = Number(
      db.prepare("INSERT INTO entities (kind, key, name, hidden, mentions, articles) VALUES ('person', 'amina', 'Amina', 0, 0, 0)").run()
        .lastInsertRowid
    )
    const mention = db.prepare("INSERT INTO entity_mentions (article_id, entity_id, start, end, text, key) VALUES (?, ?, 0, 5, 'Amina', 'amina')")
    mention.run(2, entity)
    const read = articlesChangedSince(db, 0)!
    expect(read.ids).toContain(2)
    // Later, in another transaction, article 2 changes again: no entry, yet a reader at that
    // position is told to read it.
    const entries = db.prepare('SELECT count(*) FROM search_article_log').pluck().get()
    mention.run(2, entity)
    expect(db.prepare('SELECT count(*) FROM search_article_log').pluck().get()).toBe(entries)
    expect(articlesChangedSince(db, read.position)).toEqual({ ids: [2], position: read.position })
    // Entries pruned past a reader's position still send it to a full reload.
    mention.run(1, entity)
    db.prepare('DELETE FROM search_article_log WHERE seq <= ?').run(read.position)
    expect(articlesChangedSince(db, read.position)).toBeNull()
  })
})
