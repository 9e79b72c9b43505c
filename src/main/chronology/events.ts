/** Creating, editing and deleting events with their tags, people, places and memberships. */
import type { Db } from '../archive/db'
import { now } from '../archive/clock'
import {
  addMembership,
  clearMemberships,
  deleteEventRow,
  insertEventRow,
  releaseProposalsOf,
  replaceEventEntities,
  replaceEventTags,
  updateEventColumns
} from '../archive/repo/event-writes'
import { chronologyExists } from '../archive/repo/chronologies'
import { AnnalistError } from '../../shared/errors'
import { deriveEdtf, EdtfError } from '../../shared/edtf'
import type { ChronologyEvent, EntityKind, EventInput, EventPatch } from '../../shared/chronology'
import { insertCitation } from './citations'
import { getEvent } from '../archive/repo/events'
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
  replaceEventTags(db, eventId, cleanNames(tags))
}

/** Replaces an event's people, organisations or places. Inside an action. */
export function setEventEntities(db: Db, eventId: number, kind: EntityKind, names: readonly string[]): void {
  replaceEventEntities(db, eventId, kind, cleanNames(names))
}

/** Replaces the chronologies an event belongs to. Inside an action. */
export function setMemberships(db: Db, eventId: number, chronologyIds: readonly number[]): void {
  clearMemberships(db, eventId)
  for (const id of chronologyIds) {
    if (!chronologyExists(db, id)) throw new AnnalistError('not-found', `no chronology with id ${id}`)
    addMembership(db, id, eventId)
  }
}

/** Inserts an event and everything attached to it (inside an action). */
export function insertEvent(db: Db, input: EventInput): number {
  const date = eventDate(input.date)
  const id = insertEventRow(db, {
    title: cleanTitle(input.title),
    note: input.note ?? '',
    date,
    status: input.status ?? 'reported',
    at: now()
  })
  setEventTags(db, id, input.tags ?? [])
  setEventEntities(db, id, 'person', input.people ?? [])
  setEventEntities(db, id, 'org', input.organisations ?? [])
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
    updateEventColumns(db, patch.id, {
      title: patch.title === undefined ? undefined : cleanTitle(patch.title),
      note: patch.note,
      status: patch.status,
      date: patch.date === undefined ? undefined : eventDate(patch.date),
      updatedAt: now()
    })
    if (patch.tags !== undefined) setEventTags(db, patch.id, patch.tags)
    if (patch.people !== undefined) setEventEntities(db, patch.id, 'person', patch.people)
    if (patch.organisations !== undefined) setEventEntities(db, patch.id, 'org', patch.organisations)
    if (patch.places !== undefined) setEventEntities(db, patch.id, 'place', patch.places)
    if (patch.chronologyIds !== undefined) setMemberships(db, patch.id, patch.chronologyIds)
    return getEvent(db, patch.id)
  })
}

/** Deletes an event with its citations; proposals it came from go back to pending. */
export function deleteEvent(db: Db, id: number): ChronologyEvent {
  const current = getEvent(db, id)
  return journaled(db, `Delete event "${current.title}"`, () => {
    releaseProposalsOf(db, id)
    deleteEventRow(db, id)
    return current
  })
}
