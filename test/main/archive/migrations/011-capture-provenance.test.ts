import { describe, expect, it } from 'vitest'
import { m011CaptureProvenance } from '../../../../src/main/archive/migrations/011-capture-provenance'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 011 (capture provenance, e-mail threads)', () => {
  it('keeps every earlier row, adds empty tables that refuse bad values, and follows articles out', () => {
    const { db, after } = runMigrationCase({ version: m011CaptureProvenance.version, seed: seedSchema1 })
    expect(after.article_captures).toEqual([])
    expect(after.article_messages).toEqual([])
    const capture = db.prepare(
      'INSERT INTO article_captures (article_id, tool, url, captured_at, software, member, record_offset, attached_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
    )
    capture.run(1, 'warc', 'https://example.org/a', '2021-08-31T14:02:00Z', 'Webrecorder 0.1', 'archive/data.warc.gz', 1200, null)
    capture.run(2, 'mbox', null, '2021-09-01T08:00:00Z', null, null, 0, 1)
    expect(() => capture.run(3, 'ftp', null, null, null, null, null, null)).toThrow(/CHECK/)
    expect(() => capture.run(3, 'mhtml', null, '31 Aug 2021', null, null, null, null)).toThrow(/CHECK/)
    expect(() => capture.run(3, 'mhtml', null, null, null, null, -1, null)).toThrow(/CHECK/)
    db.prepare("INSERT INTO article_messages (article_id, message_id, in_reply_to) VALUES (1, '<a@x>', NULL), (2, '<b@x>', '<a@x>')").run()
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ')
    expect(plan("SELECT article_id FROM article_messages WHERE in_reply_to = '<a@x>'")).toMatch(/article_messages_reply/)
    expect(plan("SELECT article_id FROM article_messages WHERE message_id = '<a@x>'")).toMatch(/article_messages_id/)
    // The message going leaves its attachment's capture, unlinked; the attachment going takes its rows.
    db.prepare('DELETE FROM citations').run()
    db.prepare('DELETE FROM proposals').run()
    db.prepare('DELETE FROM articles WHERE id = 1').run()
    expect(db.prepare('SELECT article_id, attached_to FROM article_captures').all()).toEqual([{ article_id: 2, attached_to: null }])
    db.prepare('DELETE FROM articles WHERE id = 2').run()
    expect(db.prepare('SELECT count(*) FROM article_captures').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM article_messages').pluck().get()).toBe(0)
  })
})
