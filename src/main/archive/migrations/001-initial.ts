import type { Migration } from './types'

/** Articles, files, outlets, paragraphs with their FTS5 index, and the chronology tables. */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE source_aliases (
        alias TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        name TEXT NOT NULL,
        original_path TEXT,
        media_type TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        file_id INTEGER REFERENCES files(id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        dek TEXT,
        source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
        byline TEXT,
        place TEXT,
        url TEXT,
        published_edtf TEXT,
        published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
        published_provenance TEXT CHECK (published_provenance IN ('meta', 'dateline', 'text', 'file', 'user')),
        published_earliest TEXT,
        published_latest TEXT,
        language TEXT,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX articles_text_hash ON articles(text_hash);
      CREATE INDEX articles_published ON articles(published_earliest);
      CREATE INDEX articles_source ON articles(source_id);
      CREATE INDEX articles_file ON articles(file_id);

      CREATE TABLE paragraphs (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        page INTEGER,
        UNIQUE (article_id, ordinal)
      ) STRICT;

      CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
        text, content='paragraphs', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
        INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
        INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER paragraphs_au AFTER UPDATE OF text ON paragraphs BEGIN
        INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
      END;

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, dek, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, dek) VALUES (new.id, new.title, new.dek);
      END;
      CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, dek) VALUES ('delete', old.id, old.title, old.dek);
      END;
      CREATE TRIGGER articles_au AFTER UPDATE OF title, dek ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, dek) VALUES ('delete', old.id, old.title, old.dek);
        INSERT INTO articles_fts(rowid, title, dek) VALUES (new.id, new.title, new.dek);
      END;

      CREATE TABLE near_duplicates (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        shared_paragraphs INTEGER NOT NULL,
        PRIMARY KEY (article_id, other_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX near_duplicates_other ON near_duplicates(other_id);

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE
      ) STRICT;

      CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, tag_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE chronologies (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        date_edtf TEXT NOT NULL,
        earliest_day TEXT NOT NULL,
        latest_day TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'confirmed', 'disputed', 'denied')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX events_sort ON events(sort_key);

      CREATE TABLE chronology_events (
        chronology_id INTEGER NOT NULL REFERENCES chronologies(id) ON DELETE CASCADE,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        PRIMARY KEY (chronology_id, event_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE event_tags (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, tag_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE event_entities (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'place')),
        name TEXT NOT NULL,
        PRIMARY KEY (event_id, kind, name)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE citations (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE RESTRICT,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text_hash TEXT NOT NULL,
        stance TEXT NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports', 'contradicts')),
        orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
        note TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX citations_event ON citations(event_id);
      CREATE INDEX citations_article ON citations(article_id);

      CREATE TABLE proposals (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        date_edtf TEXT NOT NULL,
        earliest_day TEXT NOT NULL,
        latest_day TEXT NOT NULL,
        expression TEXT NOT NULL,
        sentence TEXT NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'dismissed')),
        event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        UNIQUE (article_id, start, end)
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `)
  }
}
