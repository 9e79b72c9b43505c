import type { Migration } from './types'

/**
 * Named entities found in articles, and the user's corrections kept apart from them.
 *
 * `entity_mentions` is extracted data: each row is one mention in an article's clean text, with
 * `key`, the grouping key extraction computed for it (kind-free; see entities/group.ts). It goes
 * with its article by cascade and is replaced whole when the article is extracted again.
 * `entities` are the groups mentions resolve to: one row per (kind, effective key), where the
 * effective key is the extracted key after the user's decisions; `mentions`, `articles` and
 * `entity_spellings` (how often each spelling is used) are adjusted by each article stored or
 * removed, and `name` is the most used spelling, so lists sort on an index and never read the
 * mentions of a large entity.
 * `entity_decisions` holds what the user decided, keyed by what survives re-extraction (a
 * grouping key or a spelling, never a row id): merge (key → target key), split (spelling →
 * key of its own), rename (key → name), hide (key). Re-extraction resolves every new mention
 * through them, so corrections outlive the rows they were made on.
 * `place_keys` remembers, for each spelling key a gazetteer place was found under, the place's
 * gazetteer key, so a spelling the gazetteer lacks (Baglan) finds the place it has (Baghlan).
 */
export const m014Entities: Migration = {
  version: 14,
  name: 'named entities',
  up(db) {
    db.exec(`
      CREATE TABLE entities (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'org', 'place')),
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        user_name TEXT,
        hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
        mentions INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0,
        lat REAL,
        lon REAL,
        country TEXT,
        UNIQUE (kind, key)
      ) STRICT;
      CREATE INDEX entities_by_articles ON entities(articles DESC, id);

      CREATE TABLE entity_mentions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        key TEXT NOT NULL
      ) STRICT;
      CREATE INDEX entity_mentions_article ON entity_mentions(article_id, entity_id);
      CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id, article_id);

      CREATE TABLE entity_spellings (
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        n INTEGER NOT NULL CHECK (n > 0),
        PRIMARY KEY (entity_id, text)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE entity_decisions (
        kind TEXT NOT NULL CHECK (kind IN ('person', 'org', 'place')),
        action TEXT NOT NULL CHECK (action IN ('merge', 'split', 'rename', 'hide')),
        subject TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (kind, action, subject)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE place_keys (
        key TEXT PRIMARY KEY,
        place_key TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
