import type { Migration } from './types'

/**
 * A count that moves whenever an entity's shown name or its hidden flag changes, or an entity is
 * deleted (`search_state.entity_name_stamp`). A search reader keeps the entities in name order in
 * memory (search/entity-name-order.ts) so that entity facets break ties by name without reading
 * every tied name; the count tells it when that order may be stale. Inserts need no signal: an
 * entity absent when the order was read (made since, or a deleted one an undo puts back under its
 * old id) is unknown to it.
 *
 * The names' triggers of migration 032 already fire on a real change of a name and on a delete,
 * so they move the count too (a key's change with them, which costs a reader one reading of the
 * order). A trigger of its own, on every row of the statement an import runs for each article's
 * entities (it sets their names, mostly unchanged), cost that statement about 0.05 ms an article
 * at 100,000 articles; the hidden flag, which only the user sets, has its own.
 */
export const m037EntityNameStamp: Migration = {
  version: 37,
  name: 'entity name order stamp',
  up(db) {
    db.exec(`
      ALTER TABLE search_state ADD COLUMN entity_name_stamp INTEGER NOT NULL DEFAULT 0;
      DROP TRIGGER entity_names_ad;
      CREATE TRIGGER entity_names_ad AFTER DELETE ON entities BEGIN
        INSERT INTO entity_names(entity_names, rowid, key, name, user_name) VALUES ('delete', old.id, old.key, old.name, old.user_name);
        UPDATE search_state SET entity_name_stamp = entity_name_stamp + 1;
      END;
      DROP TRIGGER entity_names_au;
      CREATE TRIGGER entity_names_au AFTER UPDATE OF key, name, user_name ON entities
      WHEN old.key IS NOT new.key OR old.name IS NOT new.name OR old.user_name IS NOT new.user_name BEGIN
        INSERT INTO entity_names(entity_names, rowid, key, name, user_name) VALUES ('delete', old.id, old.key, old.name, old.user_name);
        INSERT INTO entity_names(rowid, key, name, user_name) VALUES (new.id, new.key, new.name, new.user_name);
        UPDATE search_state SET entity_name_stamp = entity_name_stamp + 1;
      END;
      CREATE TRIGGER entity_hidden_au AFTER UPDATE OF hidden ON entities WHEN old.hidden IS NOT new.hidden BEGIN
        UPDATE search_state SET entity_name_stamp = entity_name_stamp + 1;
      END;
    `)
  }
}
