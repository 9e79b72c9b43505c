import type { Migration } from './types'

/**
 * A copy of the search's per-article columns (`search/meta.ts`), saved by the writer now and
 * then with the article change log position it reflects. A reader starting on a large archive
 * loads it and reads only the articles changed since, instead of every article's row: the load
 * of those rows stood between a cold start and its first answer (about 100 ms at 100,000
 * articles, growing with the archive). Holds one row; empty until the writer first saves it.
 */
export const m024SearchMetaSnapshot: Migration = {
  version: 24,
  name: 'search article columns snapshot',
  up(db) {
    db.exec(`
      CREATE TABLE search_meta_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        position INTEGER NOT NULL,
        data BLOB NOT NULL
      ) STRICT;
    `)
  }
}
