import type { Migration } from './types'

/**
 * Events name organisations beside people and places. `event_entities` allowed only 'person' and
 * 'place'; SQLite cannot change a CHECK in place, so the table is rebuilt with 'org' allowed and
 * its rows and name index carried over. Nothing references it, so foreign keys stay on.
 */
export const m015EventOrganisations: Migration = {
  version: 15,
  name: 'event organisations',
  up(db) {
    db.exec(`
      CREATE TABLE event_entities_new (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'org', 'place')),
        name TEXT NOT NULL,
        PRIMARY KEY (event_id, kind, name)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO event_entities_new (event_id, kind, name) SELECT event_id, kind, name FROM event_entities;
      DROP TABLE event_entities;
      ALTER TABLE event_entities_new RENAME TO event_entities;
      CREATE INDEX event_entities_name ON event_entities(kind, name COLLATE NOCASE);
    `)
  }
}
