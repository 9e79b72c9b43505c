import type { Migration } from './types'

/**
 * Entity mentions are stored clustered by article: a table without rowid keyed by (article,
 * entity, the mention's place in the article's extraction), which is also the order the readers
 * load each article's entities in, so the separate (article, entity) index goes. So does `key`,
 * the extracted key each mention was stored with, which nothing reads: an entity's key lives on
 * its row, and a split moves mentions by their spelling. At 100,000 generated articles the rowid
 * table, its two indexes and the key were 0.44× the clean text of the archive's 3.37×.
 * The table is rebuilt the documented way with foreign keys off; the triggers that log mention
 * changes for the readers (migration 020) are recreated as they were.
 */
export const m023MentionsByArticle: Migration = {
  version: 23,
  name: 'entity mentions clustered by article',
  foreignKeysOff: true,
  up(db) {
    const triggers = db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE tbl_name = 'entity_mentions' AND type = 'trigger' ORDER BY name")
      .all()
    db.exec(`
      CREATE TABLE entity_mentions_new (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        seq INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, entity_id, seq)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO entity_mentions_new (article_id, entity_id, seq, start, end, text)
        SELECT article_id, entity_id, row_number() OVER (PARTITION BY article_id ORDER BY id) - 1, start, end, text
        FROM entity_mentions ORDER BY article_id, entity_id;
      DROP TABLE entity_mentions;
      ALTER TABLE entity_mentions_new RENAME TO entity_mentions;
      CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id, article_id);
    `)
    for (const t of triggers) db.exec(t.sql)
  }
}
