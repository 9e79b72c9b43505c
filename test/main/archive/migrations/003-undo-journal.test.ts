import { describe, expect, it } from 'vitest'
import { m003UndoJournal } from '../../../../src/main/archive/migrations/003-undo-journal'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 003 (undo journal)', () => {
  it('keeps every earlier row and starts with an empty journal and recording off', () => {
    const { after } = runMigrationCase({
      version: m003UndoJournal.version,
      seed(db) {
        seedSchema1(db)
        db.prepare('INSERT INTO paragraph_fingerprints (hash, article_id, ordinal) VALUES (7, 1, 2)').run()
        db.prepare(`INSERT INTO outlet_paragraphs (outlet_key, hash, article_id) VALUES ('le monde', 7, 2)`).run()
      }
    })
    expect(after.undo_actions).toEqual([])
    expect(after.undo_log).toEqual([])
    expect(after.undo_recording).toEqual([{ id: 1, action_id: null }])
  })
})
