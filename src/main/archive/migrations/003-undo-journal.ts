import type { Migration } from './types'

/**
 * Undo/redo journal for chronology edits: one row per user action and the SQL that reverses it.
 * The triggers that fill `undo_log` are (re)generated from the live table definitions by
 * src/main/archive/journal.ts, so later migrations that add columns stay covered.
 */
export const m003UndoJournal: Migration = {
  version: 3,
  name: 'undo journal',
  up(db) {
    db.exec(`
      CREATE TABLE undo_actions (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('done', 'undone')),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE undo_log (
        seq INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL,
        sql TEXT NOT NULL
      ) STRICT;
      CREATE INDEX undo_log_action ON undo_log(action_id, seq);

      CREATE TABLE undo_recording (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        action_id INTEGER
      ) STRICT;
      INSERT INTO undo_recording (id, action_id) VALUES (1, NULL);
    `)
  }
}
