import type { Migration } from './types'

/**
 * The triggers that index an article for search (the text index of migration 004, the title
 * index of 001) let a transaction index its inserted articles at its end (`search-deferral.ts`:
 * FTS5 wrote each article of an import batch as a segment of its own). An insert asks
 * `search_index_defers(id)`, and an update or delete of an article the transaction has not
 * indexed yet leaves the search tables alone. Outside such a transaction both functions answer 0
 * and the triggers do what they did. The vocabulary queue and the search generation are kept
 * by the same triggers as before, row by row.
 */
export const m037SearchIndexAtEnd: Migration = {
  version: 37,
  name: 'an import batch indexes its articles for search at its end',
  up(db) {
    const text = (row: 'old' | 'new'): string => `${row}.id, ${row}.title, ${row}.dek, article_text(${row}.body)`
    const indexed = (row: 'old' | 'new'): string => `WHERE NOT search_index_pending(${row}.id)`
    db.exec(`
      DROP TRIGGER search_articles_ai;
      DROP TRIGGER search_articles_ad;
      DROP TRIGGER search_articles_au_text;
      DROP TRIGGER articles_ai;
      DROP TRIGGER articles_ad;
      DROP TRIGGER articles_au;

      CREATE TRIGGER search_articles_ai AFTER INSERT ON article_store BEGIN
        INSERT INTO search_fts(rowid, title, dek, text) SELECT ${text('new')} WHERE NOT search_index_defers(new.id);
        INSERT OR IGNORE INTO search_vocab_queue(article_id, sign) VALUES (new.id, 1);
        UPDATE search_state SET generation = generation + 1;
      END;
      CREATE TRIGGER search_articles_ad AFTER DELETE ON article_store BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, dek, text) SELECT 'delete', ${text('old')} ${indexed('old')};
        INSERT INTO search_vocab_queue(article_id, sign, title, dek, body)
          SELECT old.id, -1, old.title, old.dek, article_text(old.body)
          WHERE NOT EXISTS (SELECT 1 FROM search_vocab_queue WHERE article_id = old.id AND sign = 1);
        DELETE FROM search_vocab_queue WHERE article_id = old.id AND sign = 1;
        UPDATE search_state SET generation = generation + 1;
      END;
      CREATE TRIGGER search_articles_au_text AFTER UPDATE OF title, dek, body ON article_store BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, dek, text) SELECT 'delete', ${text('old')} ${indexed('old')};
        INSERT INTO search_fts(rowid, title, dek, text) SELECT ${text('new')} ${indexed('new')};
        INSERT INTO search_vocab_queue(article_id, sign, title, dek, body)
          SELECT old.id, -1, old.title, old.dek, article_text(old.body)
          WHERE NOT EXISTS (SELECT 1 FROM search_vocab_queue WHERE article_id = old.id AND sign = 1);
        INSERT OR IGNORE INTO search_vocab_queue(article_id, sign) VALUES (new.id, 1);
        UPDATE search_state SET generation = generation + 1;
      END;

      CREATE TRIGGER articles_ai AFTER INSERT ON article_store BEGIN
        INSERT INTO articles_fts(rowid, title, dek) SELECT new.id, new.title, new.dek WHERE NOT search_index_defers(new.id);
      END;
      CREATE TRIGGER articles_ad AFTER DELETE ON article_store BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, dek) SELECT 'delete', old.id, old.title, old.dek ${indexed('old')};
      END;
      CREATE TRIGGER articles_au AFTER UPDATE OF title, dek ON article_store BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, dek) SELECT 'delete', old.id, old.title, old.dek ${indexed('old')};
        INSERT INTO articles_fts(rowid, title, dek) SELECT new.id, new.title, new.dek ${indexed('new')};
      END;
    `)
  }
}
