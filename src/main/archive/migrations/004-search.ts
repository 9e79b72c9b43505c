import type { Migration } from './types'

/**
 * Search: an article-level FTS5 index over title, dek and the whole clean text (bm25 ranks an
 * article as one document, so "all words must match" means the article, not one paragraph), an
 * fts5vocab view of it, the persisted variant vocabulary with its change queue, a generation
 * counter the in-memory caches compare against, a covering index for facets, and saved searches.
 */
export const m004Search: Migration = {
  version: 4,
  name: 'search index, vocabulary and saved searches',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, dek, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      INSERT INTO search_fts(search_fts) VALUES ('rebuild');
      INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(8.0, 3.0, 1.0)');

      CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_fts, row);

      CREATE TABLE search_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation INTEGER NOT NULL,
        vocab_built INTEGER NOT NULL CHECK (vocab_built IN (0, 1))
      ) STRICT;
      INSERT INTO search_state (id, generation, vocab_built) VALUES (1, 0, 0);

      CREATE TABLE search_vocab (
        term TEXT PRIMARY KEY,
        docs INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE search_vocab_queue (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL,
        sign INTEGER NOT NULL CHECK (sign IN (-1, 1)),
        title TEXT,
        dek TEXT,
        body TEXT
      ) STRICT;
      CREATE UNIQUE INDEX search_vocab_queue_add ON search_vocab_queue(article_id) WHERE sign = 1;

      CREATE INDEX search_article_meta ON articles(source_id, published_earliest, published_latest, language, place, byline);

      CREATE TRIGGER search_articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO search_fts(rowid, title, dek, text) VALUES (new.id, new.title, new.dek, new.text);
        INSERT OR IGNORE INTO search_vocab_queue(article_id, sign) VALUES (new.id, 1);
        UPDATE search_state SET generation = generation + 1;
      END;
      CREATE TRIGGER search_articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, dek, text) VALUES ('delete', old.id, old.title, old.dek, old.text);
        INSERT INTO search_vocab_queue(article_id, sign, title, dek, body)
          SELECT old.id, -1, old.title, old.dek, old.text
          WHERE NOT EXISTS (SELECT 1 FROM search_vocab_queue WHERE article_id = old.id AND sign = 1);
        DELETE FROM search_vocab_queue WHERE article_id = old.id AND sign = 1;
        UPDATE search_state SET generation = generation + 1;
      END;
      CREATE TRIGGER search_articles_au_text AFTER UPDATE OF title, dek, text ON articles BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, dek, text) VALUES ('delete', old.id, old.title, old.dek, old.text);
        INSERT INTO search_fts(rowid, title, dek, text) VALUES (new.id, new.title, new.dek, new.text);
        INSERT INTO search_vocab_queue(article_id, sign, title, dek, body)
          SELECT old.id, -1, old.title, old.dek, old.text
          WHERE NOT EXISTS (SELECT 1 FROM search_vocab_queue WHERE article_id = old.id AND sign = 1);
        INSERT OR IGNORE INTO search_vocab_queue(article_id, sign) VALUES (new.id, 1);
        UPDATE search_state SET generation = generation + 1;
      END;
      CREATE TRIGGER search_articles_au_meta
        AFTER UPDATE OF source_id, byline, place, published_earliest, published_latest, language ON articles BEGIN
        UPDATE search_state SET generation = generation + 1;
      END;
      CREATE TRIGGER search_sources_au AFTER UPDATE ON sources BEGIN
        UPDATE search_state SET generation = generation + 1;
      END;
      CREATE TRIGGER search_sources_ad AFTER DELETE ON sources BEGIN
        UPDATE search_state SET generation = generation + 1;
      END;

      CREATE TABLE saved_searches (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        query TEXT NOT NULL,
        fuzzy INTEGER NOT NULL CHECK (fuzzy IN (0, 1)),
        sort TEXT NOT NULL CHECK (sort IN ('rank', 'date', 'date-asc')),
        created_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}
