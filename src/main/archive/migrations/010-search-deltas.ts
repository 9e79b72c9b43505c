import type { Migration } from './types'

/**
 * What lets a reader thread bring its search caches up to date instead of reloading them.
 *
 * Readers hold every article's filter columns and the whole variant vocabulary in memory. Before
 * this migration the only signal they had was the search generation, so each change (every file
 * an import stores) meant reloading both: 50–250 ms per reader under load at 20,000 articles,
 * paid by whichever search came next.
 *
 * - `search_article_log` names each article inserted, deleted or changed in a filter column, in
 *   order; a reader re-reads only those rows. The writer keeps the latest entries only; a reader
 *   that finds entries it has not seen pruned (a gap after its position) reloads in full.
 * - `search_vocab.seq` is the drain (`search_state.vocab_seq`) that last changed a word's count,
 *   so a reader reads only the words changed since its own position. A word whose count falls
 *   to 0 keeps its row (with 0) until the next rebuild, so readers learn that it left.
 * - `search_state.vocab_epoch` moves on every full rebuild of the vocabulary: positions from
 *   before it mean nothing, and readers reload.
 */
export const m010SearchDeltas: Migration = {
  version: 10,
  name: 'search change log and vocabulary positions for incremental reader caches',
  up(db) {
    db.exec(`
      ALTER TABLE search_state ADD COLUMN vocab_seq INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE search_state ADD COLUMN vocab_epoch INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE search_vocab ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX search_vocab_seq ON search_vocab(seq, docs);

      CREATE TABLE search_article_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER search_article_log_ai AFTER INSERT ON articles BEGIN
        INSERT INTO search_article_log(article_id) VALUES (new.id);
      END;
      CREATE TRIGGER search_article_log_ad AFTER DELETE ON articles BEGIN
        INSERT INTO search_article_log(article_id) VALUES (old.id);
      END;
      CREATE TRIGGER search_article_log_au
        AFTER UPDATE OF source_id, place, published_edtf, published_earliest, published_latest, language ON articles BEGIN
        INSERT INTO search_article_log(article_id) VALUES (new.id);
      END;
    `)
  }
}
