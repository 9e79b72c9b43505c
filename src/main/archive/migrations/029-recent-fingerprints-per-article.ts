import type { Migration } from './types'

/**
 * The recent paragraph fingerprints (migration 026) become one row per article: its
 * [hash, ordinal] pairs as a JSON array. An import stored a row per fingerprint, 250 or so per
 * news story, and those inserts were 0.66 ms of the writer's 4.1 ms per article on an empty
 * archive; one row per article costs a tenth of that. Nothing looks the recent rows up in the
 * table: the writer reads them all into memory (`repo/fingerprint-memory.ts`) and merges them
 * into `paragraph_fingerprints`, expanding each array with `json_each`.
 */
export const m029RecentFingerprintsPerArticle: Migration = {
  version: 29,
  name: 'recent paragraph fingerprints one row per article',
  up(db) {
    db.exec(`
      CREATE TABLE paragraph_fingerprints_recent_new (
        article_id INTEGER PRIMARY KEY,
        pairs TEXT NOT NULL
      ) STRICT;
      INSERT INTO paragraph_fingerprints_recent_new (article_id, pairs)
        SELECT article_id, json_group_array(json_array(hash, ordinal))
        FROM (SELECT article_id, hash, ordinal FROM paragraph_fingerprints_recent ORDER BY article_id, ordinal, hash)
        GROUP BY article_id;
      DROP TABLE paragraph_fingerprints_recent;
      ALTER TABLE paragraph_fingerprints_recent_new RENAME TO paragraph_fingerprints_recent;
    `)
  }
}
