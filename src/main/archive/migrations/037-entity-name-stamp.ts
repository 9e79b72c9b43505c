import type { Migration } from './types'

/**
 * A count that moves whenever an entity's shown name or its hidden flag changes, or an entity is
 * deleted (`search_state.entity_names`). A search reader keeps the entities in name order in
 * memory (search/entity-name-order.ts) so that entity facets break ties by name without reading
 * every tied name; the count tells it when that order may be stale. Inserts need no signal: an
 * entity absent when the order was read (made since, or a deleted one an undo puts back under its
 * old id) is unknown to it. The import rewrites a name on every article it stores: the count
 * moves only when the name changed.
 */
export const m037EntityNameStamp: Migration = {
  version: 37,
  name: 'entity name order stamp',
  up(db) {
    db.exec(`
      ALTER TABLE search_state ADD COLUMN entity_names INTEGER NOT NULL DEFAULT 0;
      CREATE TRIGGER entity_order_au AFTER UPDATE OF name, user_name, hidden ON entities
      WHEN old.name IS NOT new.name OR old.user_name IS NOT new.user_name OR old.hidden IS NOT new.hidden BEGIN
        UPDATE search_state SET entity_names = entity_names + 1;
      END;
      CREATE TRIGGER entity_order_ad AFTER DELETE ON entities BEGIN
        UPDATE search_state SET entity_names = entity_names + 1;
      END;
    `)
  }
}
