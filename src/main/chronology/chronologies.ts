/** Chronologies: named sets of events (an event can belong to several). */
import type { Db } from '../archive/db'
import { now } from '../archive/clock'
import { AnnalistError } from '../../shared/errors'
import type { Chronology } from '../../shared/chronology'
import { journaled } from '../archive/journal'
import {
  allChronologies,
  chronologyById,
  chronologyNamed,
  deleteChronologyRow,
  insertChronology,
  updateChronologyRow
} from '../archive/repo/chronologies'

function cleanName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ')
  if (n === '') throw new AnnalistError('invalid-argument', 'a chronology needs a name')
  return n
}

function refuseDuplicate(db: Db, name: string, exceptId: number | null): void {
  const other = chronologyNamed(db, name)
  if (other && other.id !== exceptId) throw new AnnalistError('conflict', `a chronology named "${name}" already exists`)
}

/** Every chronology by name. */
export function listChronologies(db: Db): Chronology[] {
  return allChronologies(db)
}

/** One chronology; `not-found` if absent. */
export function getChronology(db: Db, id: number): Chronology {
  const found = chronologyById(db, id)
  if (!found) throw new AnnalistError('not-found', `no chronology with id ${id}`)
  return found
}

/** A chronology by name (case-insensitive); `not-found` naming it if absent. */
export function chronologyByName(db: Db, name: string): Chronology {
  const found = chronologyNamed(db, name.trim())
  if (!found) throw new AnnalistError('not-found', `no chronology named "${name}"`)
  return found
}

/** Creates a chronology; names are unique regardless of case. */
export function createChronology(db: Db, args: { name: string; description?: string }): Chronology {
  const name = cleanName(args.name)
  return journaled(db, `Create chronology "${name}"`, () => {
    refuseDuplicate(db, name, null)
    const id = insertChronology(db, { name, description: args.description ?? '', at: now() })
    return getChronology(db, id)
  })
}

/** Renames a chronology and/or changes its description. */
export function renameChronology(db: Db, args: { id: number; name?: string; description?: string }): Chronology {
  const current = getChronology(db, args.id)
  return journaled(db, `Rename chronology "${current.name}"`, () => {
    const name = args.name === undefined ? current.name : cleanName(args.name)
    refuseDuplicate(db, name, args.id)
    updateChronologyRow(db, args.id, { name, description: args.description ?? current.description, at: now() })
    return getChronology(db, args.id)
  })
}

/** Deletes a chronology; its events stay in the archive (and in other chronologies). */
export function deleteChronology(db: Db, id: number): Chronology {
  const current = getChronology(db, id)
  return journaled(db, `Delete chronology "${current.name}"`, () => {
    deleteChronologyRow(db, id)
    return current
  })
}
