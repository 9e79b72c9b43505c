import type { Migration } from './types'

/**
 * The near-duplicate tables lose their indexes by the other article, and the foreign key on
 * `other_id` that needed them: 124 MB (0.20× the clean text) at 100,000 generated news articles.
 * Every link and paragraph pair is stored both ways, so the rows naming an article as the other
 * one are found by primary key from its own rows, turned round (`archive/repo/shared-paragraphs.ts`):
 * when an article goes and when paragraphs are taken out of it. A foreign key without an index on
 * its column would scan the table for each deleted article, so it goes, which SQLite allows only
 * by rebuilding the table; the rows are copied in primary-key order, so each B-tree is appended.
 */
export const m021NearDuplicatesByArticle: Migration = {
  version: 21,
  name: 'near-duplicate links keyed by article only',
  up(db) {
    db.exec(`
      CREATE TABLE near_duplicates_new (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL,
        shared_paragraphs INTEGER NOT NULL,
        PRIMARY KEY (article_id, other_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO near_duplicates_new (article_id, other_id, shared_paragraphs)
        SELECT article_id, other_id, shared_paragraphs FROM near_duplicates ORDER BY article_id, other_id;
      DROP TABLE near_duplicates;
      ALTER TABLE near_duplicates_new RENAME TO near_duplicates;

      CREATE TABLE near_duplicate_paragraphs_new (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL,
        ordinal INTEGER NOT NULL,
        other_ordinal INTEGER NOT NULL,
        PRIMARY KEY (article_id, other_id, ordinal, other_ordinal)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO near_duplicate_paragraphs_new (article_id, other_id, ordinal, other_ordinal)
        SELECT article_id, other_id, ordinal, other_ordinal FROM near_duplicate_paragraphs
        ORDER BY article_id, other_id, ordinal, other_ordinal;
      DROP TABLE near_duplicate_paragraphs;
      ALTER TABLE near_duplicate_paragraphs_new RENAME TO near_duplicate_paragraphs;
    `)
  }
}
