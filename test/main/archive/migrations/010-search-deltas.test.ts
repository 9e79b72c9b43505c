import { describe, expect, it } from 'vitest'
import { m010SearchDeltas } from '../../../../src/main/archive/migrations/010-search-deltas'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 010 (search change log, vocabulary positions)', () => {
  it('keeps the vocabulary at position 0, logs article changes from now on, and reads changed words from an index', () => {
    const { db, after } = runMigrationCase({ version: m010SearchDeltas.version, seed: seedSchema1 })
    expect(after.search_article_log).toEqual([])
    const state = db.prepare('SELECT vocab_seq, vocab_epoch FROM search_state').get()
    expect(state).toEqual({ vocab_seq: 0, vocab_epoch: 0 })
    expect(db.prepare('SELECT count(*) FROM search_vocab WHERE seq <> 0').pluck().get()).toBe(0)
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ')
    expect(plan('SELECT term, docs FROM search_vocab WHERE seq > 3')).toMatch(/search_vocab_seq/)
    // Filter columns and deletions are logged; a body-only edit of nothing filtered is not.
    db.prepare("UPDATE articles SET language = 'de' WHERE id = 1").run()
    db.prepare("UPDATE articles SET byline = 'Someone Else' WHERE id = 1").run()
    db.prepare('DELETE FROM citations').run()
    db.prepare('DELETE FROM proposals').run()
    db.prepare('DELETE FROM articles WHERE id = 2').run()
    expect(db.prepare('SELECT seq, article_id FROM search_article_log ORDER BY seq').raw().all()).toEqual([
      [1, 1],
      [2, 2]
    ])
  })
})
