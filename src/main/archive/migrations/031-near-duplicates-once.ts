import type { Migration } from './types'

/**
 * Each near-duplicate link and paragraph pair is stored once, from the later article (the larger
 * id) to the earlier one, with an index on the earlier one. Stored both ways (migration 021), a
 * link took two rows and each pair two: at 101,335 generated articles the two tables were 109 MB,
 * stored once with the index 77 MB (0.05× of the clean text). A new article's own rows are
 * appended at the end of both tables; its links take one small entry each in the index instead
 * of a row in each table at the earlier article's place. A pair is found from the earlier
 * article through its link, by the pairs' primary key, so the pairs need no index. The tables are
 * rebuilt in key order; a link stored both ways is kept once.
 */
export const m031NearDuplicatesOnce: Migration = {
  version: 31,
  name: 'near-duplicate links stored once, from the later article',
  up(db) {
    db.exec(`
      CREATE TABLE near_duplicates_new (
        article_id INTEGER NOT NULL REFERENCES "article_store"(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL CHECK (other_id < article_id),
        shared_paragraphs INTEGER NOT NULL,
        PRIMARY KEY (article_id, other_id)
      ) STRICT, WITHOUT ROWID;
      INSERT OR IGNORE INTO near_duplicates_new (article_id, other_id, shared_paragraphs)
        SELECT max(article_id, other_id), min(article_id, other_id), shared_paragraphs FROM near_duplicates
        WHERE article_id <> other_id ORDER BY 1, 2;
      DROP TABLE near_duplicates;
      ALTER TABLE near_duplicates_new RENAME TO near_duplicates;
      CREATE INDEX near_duplicates_other ON near_duplicates(other_id);

      CREATE TABLE near_duplicate_paragraphs_new (
        article_id INTEGER NOT NULL REFERENCES "article_store"(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL CHECK (other_id < article_id),
        ordinal INTEGER NOT NULL,
        other_ordinal INTEGER NOT NULL,
        PRIMARY KEY (article_id, other_id, ordinal, other_ordinal)
      ) STRICT, WITHOUT ROWID;
      INSERT OR IGNORE INTO near_duplicate_paragraphs_new (article_id, other_id, ordinal, other_ordinal)
        SELECT article_id, other_id, ordinal, other_ordinal FROM near_duplicate_paragraphs WHERE article_id > other_id
        UNION ALL
        SELECT other_id, article_id, other_ordinal, ordinal FROM near_duplicate_paragraphs WHERE article_id < other_id
        ORDER BY 1, 2, 3, 4;
      DROP TABLE near_duplicate_paragraphs;
      ALTER TABLE near_duplicate_paragraphs_new RENAME TO near_duplicate_paragraphs;
    `)
  }
}
