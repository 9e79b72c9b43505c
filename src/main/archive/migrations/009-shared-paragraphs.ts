import type { Migration } from './types'

/**
 * Which paragraphs a near-duplicate link rests on, and which lines an outlet's boilerplate
 * memory has learned.
 *
 * `near_duplicate_paragraphs` names each matching paragraph pair by ordinal, stored both ways
 * like `near_duplicates` (whose count stays the figure lists show). Links made before this
 * migration keep their count with no pairs: the text they were matched on is not re-read here.
 * The index on (other_id, other_ordinal) serves the cascade when the other article goes and the
 * removal of pairs when a paragraph is cleaned out of the other article.
 *
 * `outlet_boilerplate` marks a line as learned: earlier articles carrying it were cleaned when it
 * was, so a later import with the same line does not scan them again (and an undone cleaning is
 * not redone behind the user's back).
 */
export const m009SharedParagraphs: Migration = {
  version: 9,
  name: 'near-duplicate paragraph pairs and learned boilerplate lines',
  up(db) {
    db.exec(`
      CREATE TABLE near_duplicate_paragraphs (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        other_ordinal INTEGER NOT NULL,
        PRIMARY KEY (article_id, other_id, ordinal, other_ordinal)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX near_duplicate_paragraphs_other ON near_duplicate_paragraphs(other_id, other_ordinal);

      CREATE TABLE outlet_boilerplate (
        outlet_key TEXT NOT NULL,
        hash INTEGER NOT NULL,
        learned_at TEXT NOT NULL,
        PRIMARY KEY (outlet_key, hash)
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
