import type { Migration } from './types'

/**
 * A trigram index of entities' keys and names, for finding the entities a search filter names
 * (`person:`, `org:`, `place:`; `repo/entity-lookup` `articleIdsMentioning`): a full name holding the
 * typed name as a word, or a shown name containing it. Those are substring tests, which read
 * every entity of the kind: 314–415 ms a name for organisations at 100,000 generated articles
 * (164,039 of them), a facet click away in the search view. The index gives candidates; the
 * exact tests then run on those alone. External content (the entities rows) and no positions
 * (`detail=none`): 6.9 MB there, and as fast as with positions (21.6 MB).
 * Kept in step by triggers; the name an import rewrites on every article it stores names an
 * entity again only when it changed.
 */
export const m032EntityNames: Migration = {
  version: 32,
  name: 'trigram index of entity names',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE entity_names USING fts5(
        key, name, user_name, content = 'entities', content_rowid = 'id', tokenize = 'trigram', detail = 'none'
      );
      CREATE TRIGGER entity_names_ai AFTER INSERT ON entities BEGIN
        INSERT INTO entity_names(rowid, key, name, user_name) VALUES (new.id, new.key, new.name, new.user_name);
      END;
      CREATE TRIGGER entity_names_ad AFTER DELETE ON entities BEGIN
        INSERT INTO entity_names(entity_names, rowid, key, name, user_name) VALUES ('delete', old.id, old.key, old.name, old.user_name);
      END;
      CREATE TRIGGER entity_names_au AFTER UPDATE OF key, name, user_name ON entities
      WHEN old.key IS NOT new.key OR old.name IS NOT new.name OR old.user_name IS NOT new.user_name BEGIN
        INSERT INTO entity_names(entity_names, rowid, key, name, user_name) VALUES ('delete', old.id, old.key, old.name, old.user_name);
        INSERT INTO entity_names(rowid, key, name, user_name) VALUES (new.id, new.key, new.name, new.user_name);
      END;
      INSERT INTO entity_names(entity_names) VALUES ('rebuild');
    `)
  }
}
