import type { Migration } from './types'

/**
 * Lookups by event that 001's composite keys do not cover: memberships of an event (every event
 * list) and proposals pointing at an event (merge, delete, and parent-key checks on undo).
 */
export const m005ChronologyIndexes: Migration = {
  version: 5,
  name: 'chronology lookup indexes',
  up(db) {
    db.exec(`
      CREATE INDEX chronology_events_event ON chronology_events(event_id);
      CREATE INDEX proposals_event ON proposals(event_id);
      CREATE INDEX event_entities_name ON event_entities(kind, name COLLATE NOCASE);
    `)
  }
}
