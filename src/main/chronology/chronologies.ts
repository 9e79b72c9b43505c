/** Chronologies: named sets of events (an event can belong to several). */
import type { Db } from '../archive/db'
import { now } from '../archive/clock'
import { AnnalistError } from '../../shared/errors'
import type { Chronology } from '../../shared/chronology'
import { journaled } from '../archive/journal'

interface ChronologyRow {
  id: number
  name: string
  description: string
  event_count: number
  created_at: string
  updated_at: string
}

const SELECT = `SELECT c.id, c.name, c.description, c.created_at, c.updated_at,
  (SELECT count(*) FROM chronology_events ce WHERE ce.chronology_id = c.id) AS event_count
  FROM chronologies c`

function toChronology(r: ChronologyRow): Chronology {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    eventCount: r.event_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

function cleanName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ')
  if (n === '') throw new AnnalistError('invalid-argument', 'a chronology needs a name')
  return n
}

function refuseDuplicate(db: Db, name: string, exceptId: number | null): void {
  const other = db.prepare<[string], { id: number }>('SELECT id FROM chronologies WHERE name = ?').get(name)
  if (other && other.id !== exceptId) throw new AnnalistError('conflict', `a chronology named "${name}" already exists`)
}

/** Every chronology by name. */
export function listChronologies(db: Db): Chronology[] {
  return db.prepare<[], ChronologyRow>(`${SELECT} ORDER BY c.name COLLATE NOCASE`).all().map(toChronology)
}

/** One chronology; `not-found` if absent. */
export function getChronology(db: Db, id: number): Chronology {
  const row = db.prepare<[number], ChronologyRow>(`${SELECT} WHERE c.id = ?`).get(id)
  if (!row) throw new AnnalistError('not-found', `no chronology with id ${id}`)
  return toChronology(row)
}

/** A chronology by name (case-insensitive); `not-found` naming it if absent. */
export function chronologyByName(db: Db, name: string): Chronology {
  const row = db.prepare<[string], ChronologyRow>(`${SELECT} WHERE c.name = ?`).get(name.trim())
  if (!row) throw new AnnalistError('not-found', `no chronology named "${name}"`)
  return toChronology(row)
}

/** Creates a chronology; names are unique regardless of case. */
export function createChronology(db: Db, args: { name: string; description?: string }): Chronology {
  const name = cleanName(args.name)
  return journaled(db, `Create chronology "${name}"`, () => {
    refuseDuplicate(db, name, null)
    const stamp = now()
    const id = Number(
      db
        .prepare('INSERT INTO chronologies (name, description, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(name, args.description ?? '', stamp, stamp).lastInsertRowid
    )
    return getChronology(db, id)
  })
}

/** Renames a chronology and/or changes its description. */
export function renameChronology(db: Db, args: { id: number; name?: string; description?: string }): Chronology {
  const current = getChronology(db, args.id)
  return journaled(db, `Rename chronology "${current.name}"`, () => {
    const name = args.name === undefined ? current.name : cleanName(args.name)
    refuseDuplicate(db, name, args.id)
    db.prepare('UPDATE chronologies SET name = ?, description = ?, updated_at = ? WHERE id = ?').run(
      name,
      args.description ?? current.description,
      now(),
      args.id
    )
    return getChronology(db, args.id)
  })
}

/** Deletes a chronology; its events stay in the archive (and in other chronologies). */
export function deleteChronology(db: Db, id: number): Chronology {
  const current = getChronology(db, id)
  return journaled(db, `Delete chronology "${current.name}"`, () => {
    db.prepare('DELETE FROM chronologies WHERE id = ?').run(id)
    return current
  })
}
