/** Chronology rows: named sets of events, read with their event counts. */
import type { Db } from '../db'
import { all, get, run, sql, sqlEmpty, type SqlFragment } from '../sql'
import type { Chronology } from '../../../shared/chronology'

interface ChronologyRow {
  id: number
  name: string
  description: string
  event_count: number
  created_at: string
  updated_at: string
}

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

function chronologiesWhere(db: Db, where: SqlFragment): Chronology[] {
  return all<ChronologyRow>(
    db,
    sql`SELECT c.id, c.name, c.description, c.created_at, c.updated_at,
          (SELECT count(*) FROM chronology_events ce WHERE ce.chronology_id = c.id) AS event_count
        FROM chronologies c ${where} ORDER BY c.name COLLATE NOCASE`
  ).map(toChronology)
}

/** Every chronology by name. */
export function allChronologies(db: Db): Chronology[] {
  return chronologiesWhere(db, sqlEmpty)
}

/** One chronology by id, or undefined. */
export function chronologyById(db: Db, id: number): Chronology | undefined {
  return chronologiesWhere(db, sql`WHERE c.id = ${id}`)[0]
}

/** One chronology by name (names compare without case), or undefined. */
export function chronologyNamed(db: Db, name: string): Chronology | undefined {
  return chronologiesWhere(db, sql`WHERE c.name = ${name}`)[0]
}

/** Whether a chronology with this id exists. */
export function chronologyExists(db: Db, id: number): boolean {
  return get(db, sql`SELECT 1 AS one FROM chronologies WHERE id = ${id}`) !== undefined
}

/** Inserts a chronology; returns its id. */
export function insertChronology(db: Db, row: { name: string; description: string; at: string }): number {
  return Number(
    run(
      db,
      sql`INSERT INTO chronologies (name, description, created_at, updated_at) VALUES (${row.name}, ${row.description}, ${row.at}, ${row.at})`
    ).lastInsertRowid
  )
}

/** Sets a chronology's name and description. */
export function updateChronologyRow(db: Db, id: number, row: { name: string; description: string; at: string }): void {
  run(db, sql`UPDATE chronologies SET name = ${row.name}, description = ${row.description}, updated_at = ${row.at} WHERE id = ${id}`)
}

/** Deletes a chronology; its events stay (memberships follow by cascade). */
export function deleteChronologyRow(db: Db, id: number): void {
  run(db, sql`DELETE FROM chronologies WHERE id = ${id}`)
}
