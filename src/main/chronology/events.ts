/** Creating, editing and deleting events with their tags, people, places and memberships. */
import type { Db } from '../archive/db'
import { now } from '../archive/clock'
import { run, sql, sqlJoin, type SqlFragment } from '../archive/sql'
import { AnnalistError } from '../../shared/errors'
import { deriveEdtf, EdtfError } from '../../shared/edtf'
import type { ChronologyEvent, EntityKind, EventInput, EventPatch } from '../../shared/chronology'
import { insertCitation } from './citations'
import { getEvent } from './event-read'
import { journaled } from '../archive/journal'

/** Validated date columns of an EDTF string; `invalid-argument` with the reason otherwise. */
export function eventDate(edtf: string): ReturnType<typeof deriveEdtf> {
  try {
    return deriveEdtf(edtf)
  } catch (err) {
    if (err instanceof EdtfError) throw new AnnalistError('invalid-argument', err.message)
    throw err
  }
}

/** Trimmed, non-empty names with case-insensitive duplicates dropped (first spelling wins). */
export function cleanNames(names: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ')
    const key = name.toLowerCase()
    if (name === '' || seen.has(key)) continue
    seen.add(key)
    out.push(name)
  }
  return out
}

function cleanTitle(title: string): string {
  const t = title.trim()
  if (t === '') throw new AnnalistError('invalid-argument', 'an event needs a title')
  return t
}

/** Replaces an event's tags (creating tag rows as needed). Inside an action. */
export function setEventTags(db: Db, eventId: number, tags: readonly string[]): void {
  db.prepare('DELETE FROM event_tags WHERE event_id = ?').run(eventId)
  const ensure = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING')
  const find = db.prepare<[string], { id: number }>('SELECT id FROM tags WHERE name = ?')
  const link = db.prepare('INSERT OR IGNORE INTO event_tags (event_id, tag_id) VALUES (?, ?)')
  for (const tag of cleanNames(tags)) {
    ensure.run(tag)
    link.run(eventId, find.get(tag)!.id)
  }
}

/** Replaces an event's people or places. Inside an action. */
export function setEventEntities(db: Db, eventId: number, kind: EntityKind, names: readonly string[]): void {
  db.prepare('DELETE FROM event_entities WHERE event_id = ? AND kind = ?').run(eventId, kind)
  const insert = db.prepare('INSERT OR IGNORE INTO event_entities (event_id, kind, name) VALUES (?, ?, ?)')
  for (const name of cleanNames(names)) insert.run(eventId, kind, name)
}

/** Replaces the chronologies an event belongs to. Inside an action. */
export function setMemberships(db: Db, eventId: number, chronologyIds: readonly number[]): void {
  db.prepare('DELETE FROM chronology_events WHERE event_id = ?').run(eventId)
  const exists = db.prepare('SELECT 1 FROM chronologies WHERE id = ?')
  const insert = db.prepare('INSERT OR IGNORE INTO chronology_events (chronology_id, event_id) VALUES (?, ?)')
  for (const id of chronologyIds) {
    if (!exists.get(id)) throw new AnnalistError('not-found', `no chronology with id ${id}`)
    insert.run(id, eventId)
  }
}

/** Inserts an event and everything attached to it (inside an action). */
export function insertEvent(db: Db, input: EventInput): number {
  const date = eventDate(input.date)
  const stamp = now()
  const id = Number(
    db
      .prepare(
        `INSERT INTO events (title, note, date_edtf, earliest_day, latest_day, sort_key, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(cleanTitle(input.title), input.note ?? '', date.edtf, date.earliest, date.latest, date.sortKey, input.status ?? 'reported', stamp, stamp)
      .lastInsertRowid
  )
  setEventTags(db, id, input.tags ?? [])
  setEventEntities(db, id, 'person', input.people ?? [])
  setEventEntities(db, id, 'place', input.places ?? [])
  setMemberships(db, id, input.chronologyIds ?? [])
  for (const c of input.citations ?? []) insertCitation(db, id, c)
  return id
}

/** Creates an event with its tags, people, places, memberships and citations. */
export function createEvent(db: Db, input: EventInput): ChronologyEvent {
  return journaled(db, `Create event "${input.title.trim()}"`, () => getEvent(db, insertEvent(db, input)))
}

/** Changes the given fields of an event; lists replace the current ones. */
export function updateEvent(db: Db, patch: EventPatch): ChronologyEvent {
  const current = getEvent(db, patch.id)
  return journaled(db, `Edit event "${current.title}"`, () => {
    const sets: SqlFragment[] = []
    if (patch.title !== undefined) sets.push(sql`title = ${cleanTitle(patch.title)}`)
    if (patch.note !== undefined) sets.push(sql`note = ${patch.note}`)
    if (patch.status !== undefined) sets.push(sql`status = ${patch.status}`)
    if (patch.date !== undefined) {
      const d = eventDate(patch.date)
      sets.push(sql`date_edtf = ${d.edtf}, earliest_day = ${d.earliest}, latest_day = ${d.latest}, sort_key = ${d.sortKey}`)
    }
    sets.push(sql`updated_at = ${now()}`)
    run(db, sql`UPDATE events SET ${sqlJoin(sets)} WHERE id = ${patch.id}`)
    if (patch.tags !== undefined) setEventTags(db, patch.id, patch.tags)
    if (patch.people !== undefined) setEventEntities(db, patch.id, 'person', patch.people)
    if (patch.places !== undefined) setEventEntities(db, patch.id, 'place', patch.places)
    if (patch.chronologyIds !== undefined) setMemberships(db, patch.id, patch.chronologyIds)
    return getEvent(db, patch.id)
  })
}

/** Deletes an event with its citations; proposals it came from go back to pending. */
export function deleteEvent(db: Db, id: number): ChronologyEvent {
  const current = getEvent(db, id)
  return journaled(db, `Delete event "${current.title}"`, () => {
    db.prepare("UPDATE proposals SET status = 'pending', event_id = NULL WHERE event_id = ?").run(id)
    db.prepare('DELETE FROM events WHERE id = ?').run(id)
    return current
  })
}
