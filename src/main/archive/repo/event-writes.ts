/** Writing events: their row, tags, people and places, memberships, and merging one into another. */
import type { Db } from '../db'
import { get, run, sql, sqlJoin, type SqlFragment } from '../sql'
import type { ClaimStatus, EntityKind } from '../../../shared/chronology'

/** An event's date columns, as shared/edtf's deriveEdtf computes them. */
export interface EventDateColumns {
  edtf: string
  earliest: string
  latest: string
  sortKey: string
}

/** Inserts an event row; returns its id. */
export function insertEventRow(
  db: Db,
  row: { title: string; note: string; date: EventDateColumns; status: ClaimStatus; at: string }
): number {
  const { title, note, date, status, at } = row
  return Number(
    run(
      db,
      sql`INSERT INTO events (title, note, date_edtf, earliest_day, latest_day, sort_key, status, created_at, updated_at)
          VALUES (${title}, ${note}, ${date.edtf}, ${date.earliest}, ${date.latest}, ${date.sortKey}, ${status}, ${at}, ${at})`
    ).lastInsertRowid
  )
}

/** Sets the given columns of an event; an absent key is left as it is. */
export function updateEventColumns(
  db: Db,
  id: number,
  columns: { title?: string; note?: string; status?: ClaimStatus; date?: EventDateColumns; updatedAt: string }
): void {
  const sets: SqlFragment[] = []
  if (columns.title !== undefined) sets.push(sql`title = ${columns.title}`)
  if (columns.note !== undefined) sets.push(sql`note = ${columns.note}`)
  if (columns.status !== undefined) sets.push(sql`status = ${columns.status}`)
  if (columns.date !== undefined) {
    const d = columns.date
    sets.push(sql`date_edtf = ${d.edtf}, earliest_day = ${d.earliest}, latest_day = ${d.latest}, sort_key = ${d.sortKey}`)
  }
  sets.push(sql`updated_at = ${columns.updatedAt}`)
  run(db, sql`UPDATE events SET ${sqlJoin(sets)} WHERE id = ${id}`)
}

/** Marks an event as changed now (a citation of it was added, edited or removed). */
export function touchEvent(db: Db, id: number, at: string): void {
  run(db, sql`UPDATE events SET updated_at = ${at} WHERE id = ${id}`)
}

/** Whether an event with this id exists. */
export function eventExists(db: Db, id: number): boolean {
  return get(db, sql`SELECT 1 AS one FROM events WHERE id = ${id}`) !== undefined
}

/** Replaces an event's tags by the given (clean) names, creating tag rows as needed. */
export function replaceEventTags(db: Db, eventId: number, names: readonly string[]): void {
  run(db, sql`DELETE FROM event_tags WHERE event_id = ${eventId}`)
  for (const name of names) {
    run(db, sql`INSERT INTO tags (name) VALUES (${name}) ON CONFLICT (name) DO NOTHING`)
    const tag = get<{ id: number }>(db, sql`SELECT id FROM tags WHERE name = ${name}`)!
    run(db, sql`INSERT OR IGNORE INTO event_tags (event_id, tag_id) VALUES (${eventId}, ${tag.id})`)
  }
}

/** Replaces an event's people or places by the given (clean) names. */
export function replaceEventEntities(db: Db, eventId: number, kind: EntityKind, names: readonly string[]): void {
  run(db, sql`DELETE FROM event_entities WHERE event_id = ${eventId} AND kind = ${kind}`)
  for (const name of names) run(db, sql`INSERT OR IGNORE INTO event_entities (event_id, kind, name) VALUES (${eventId}, ${kind}, ${name})`)
}

/** Removes an event from every chronology. */
export function clearMemberships(db: Db, eventId: number): void {
  run(db, sql`DELETE FROM chronology_events WHERE event_id = ${eventId}`)
}

/** Adds an event to a chronology (nothing if it is there already). */
export function addMembership(db: Db, chronologyId: number, eventId: number): void {
  run(db, sql`INSERT OR IGNORE INTO chronology_events (chronology_id, event_id) VALUES (${chronologyId}, ${eventId})`)
}

/** Proposals accepted into an event go back to pending, unlinked (before the event is deleted). */
export function releaseProposalsOf(db: Db, eventId: number): void {
  run(db, sql`UPDATE proposals SET status = 'pending', event_id = NULL WHERE event_id = ${eventId}`)
}

/** Deletes an event; its citations, tags, people, places and memberships follow by cascade. */
export function deleteEventRow(db: Db, id: number): void {
  run(db, sql`DELETE FROM events WHERE id = ${id}`)
}

/**
 * Moves everything attached to the source event to the target: citations (a passage the target
 * already cites is dropped), tags, people and places (case-insensitive duplicates dropped),
 * memberships and proposals. The source row itself stays for the caller to delete.
 */
export function moveEventContents(db: Db, sourceId: number, targetId: number): void {
  run(
    db,
    sql`DELETE FROM citations WHERE event_id = ${sourceId} AND EXISTS (SELECT 1 FROM citations t WHERE t.event_id = ${targetId}
          AND t.article_id = citations.article_id AND t.start = citations.start AND t.end = citations.end
          AND t.exact = citations.exact)`
  )
  run(db, sql`UPDATE citations SET event_id = ${targetId} WHERE event_id = ${sourceId}`)
  run(db, sql`INSERT OR IGNORE INTO event_tags (event_id, tag_id) SELECT ${targetId}, tag_id FROM event_tags WHERE event_id = ${sourceId}`)
  run(
    db,
    sql`INSERT INTO event_entities (event_id, kind, name) SELECT ${targetId}, s.kind, s.name FROM event_entities s
        WHERE s.event_id = ${sourceId} AND NOT EXISTS (SELECT 1 FROM event_entities t WHERE t.event_id = ${targetId} AND t.kind = s.kind
          AND t.name = s.name COLLATE NOCASE)`
  )
  run(
    db,
    sql`INSERT OR IGNORE INTO chronology_events (chronology_id, event_id)
        SELECT chronology_id, ${targetId} FROM chronology_events WHERE event_id = ${sourceId}`
  )
  run(db, sql`UPDATE proposals SET event_id = ${targetId} WHERE event_id = ${sourceId}`)
}
