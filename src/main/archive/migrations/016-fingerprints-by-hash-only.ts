import type { Migration } from './types'

/**
 * `paragraph_fingerprints` loses its index by article and its foreign key. The index (article,
 * hash, ordinal) was as large as the table itself, 0.68× the clean text at 3,000 generated news
 * articles, and served only the cascade when an article goes and the renumbering when a paragraph
 * is removed; both now find an article's rows by primary key from its paragraphs' stored text
 * (`archive/repo/fingerprints.ts`). A foreign key without an index on its column would scan the
 * whole table for every deleted article, so it goes too, which SQLite allows only by rebuilding
 * the table. The rows are copied in primary-key order, so the new B-tree is written by appending.
 */
export const m016FingerprintsByHashOnly: Migration = {
  version: 16,
  name: 'paragraph fingerprints keyed by hash only',
  up(db) {
    db.exec(`
      CREATE TABLE paragraph_fingerprints_new (
        hash INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        ordinal INTEGER NOT NULL,
        PRIMARY KEY (hash, article_id, ordinal)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO paragraph_fingerprints_new (hash, article_id, ordinal)
        SELECT hash, article_id, ordinal FROM paragraph_fingerprints ORDER BY hash, article_id, ordinal;
      DROP TABLE paragraph_fingerprints;
      ALTER TABLE paragraph_fingerprints_new RENAME TO paragraph_fingerprints;
    `)
  }
}
