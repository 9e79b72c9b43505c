import { describe, expect, it } from 'vitest'
import { m027LogWordChanges } from '../../../../src/main/archive/migrations/027-log-word-changes'
import { articlesChangedSince } from '../../../../src/main/archive/repo/search-meta'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 027 (article change log names word changes)', () => {
  it('leaves every row as it was, then logs an article whose title, dek or text changes, once per run', () => {
    const { db, before, after } = runMigrationCase({ version: m027LogWordChanges.version, seed: seedSchema1, seedAt: 1 })
    expect(after).toEqual(before)
    const [first, second] = db.prepare('SELECT id FROM articles ORDER BY id LIMIT 2').pluck().all() as [number, number]
    expect(second).toBeDefined()
    const position = db.prepare('SELECT coalesce(max(seq), 0) FROM search_article_log').pluck().get() as number
    const logged = (): number[] => db.prepare('SELECT article_id FROM search_article_log WHERE seq > ? ORDER BY seq').pluck().all(position) as number[]
    db.prepare("UPDATE articles SET text = text || ' More words.' WHERE id = ?").run(first)
    db.prepare("UPDATE articles SET title = 'Another headline' WHERE id = ?").run(first)
    expect(logged()).toEqual([first])
    db.prepare("UPDATE articles SET dek = 'A new standfirst' WHERE id = ?").run(second)
    expect(logged()).toEqual([first, second])
    // A column neither searched nor filtered on is not logged.
    db.prepare("UPDATE articles SET url = 'https://example.org/a' WHERE id = ?").run(first)
    expect(logged()).toEqual([first, second])
    expect(articlesChangedSince(db, position + 1)?.ids.sort((a, b) => a - b)).toEqual([first, second].sort((a, b) => a - b))
  })
})
