import type { Migration } from './types'

/**
 * Articles whose names were found by older rules than the running build's
 * (`repo/entity-rules.ts`). Archives kept no record of the rules their names came from, so every
 * article present is marked: the app then offers to find their names again, as it will after any
 * later change to the rules. An article leaves the table when its names are found again, and
 * with the article.
 */
export const m030EntityStale: Migration = {
  version: 30,
  name: 'articles whose names were found by older rules',
  up(db) {
    db.exec(`
      CREATE TABLE entity_stale (
        article_id INTEGER PRIMARY KEY REFERENCES article_store(id) ON DELETE CASCADE
      ) STRICT;
      INSERT INTO entity_stale (article_id) SELECT id FROM article_store;
    `)
  }
}
