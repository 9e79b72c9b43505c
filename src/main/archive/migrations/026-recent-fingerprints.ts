import type { Migration } from './types'

/**
 * New paragraph fingerprints are kept apart, keyed by article so that an import appends them,
 * and merged into `paragraph_fingerprints` (keyed by hash) many at a time (`repo/fingerprints.ts`).
 * The stamp tells the writer's in-memory index of the recent rows whether it still matches the
 * table. Rows already stored stay where they are.
 */
export const m026RecentFingerprints: Migration = {
  version: 26,
  name: 'recent paragraph fingerprints kept apart',
  up(db) {
    db.exec(`
      CREATE TABLE paragraph_fingerprints_recent (
        article_id INTEGER NOT NULL,
        ordinal INTEGER NOT NULL,
        hash INTEGER NOT NULL,
        PRIMARY KEY (article_id, ordinal, hash)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE paragraph_fingerprints_stamp (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        stamp INTEGER NOT NULL
      ) STRICT;
      INSERT INTO paragraph_fingerprints_stamp (id, stamp) VALUES (1, 0);
    `)
  }
}
