import type { Migration } from './types'

/**
 * Import memory: sampled shingle fingerprints per paragraph (near-duplicate candidates by index
 * lookup instead of a scan) and per-outlet occurrences of short paragraphs (repetition-based
 * boilerplate). Both cascade with their article, so deleting an article forgets it.
 */
export const m002ImportDedupe: Migration = {
  version: 2,
  name: 'import dedupe: paragraph fingerprints and outlet boilerplate memory',
  up(db) {
    db.exec(`
      CREATE TABLE paragraph_fingerprints (
        hash INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        PRIMARY KEY (hash, article_id, ordinal)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX paragraph_fingerprints_article ON paragraph_fingerprints(article_id);

      CREATE TABLE outlet_paragraphs (
        outlet_key TEXT NOT NULL,
        hash INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (outlet_key, hash, article_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX outlet_paragraphs_article ON outlet_paragraphs(article_id);
    `)
  }
}
