/** Merging two events that describe the same thing into one. */
import type { Db } from '../archive/db'
import { now } from '../archive/clock'
import { AnnalistError } from '../../shared/errors'
import type { ChronologyEvent } from '../../shared/chronology'
import { getEvent } from '../archive/repo/events'
import { journaled } from '../archive/journal'
import { deleteEventRow, moveEventContents, updateEventColumns } from '../archive/repo/event-writes'

/**
 * Moves the source event's citations, tags, people, places, memberships and proposals to the
 * target and deletes the source. The target keeps its title, date and status; a differing note
 * is appended. A passage cited by both is kept once (the target's citation wins).
 */
export function mergeEvents(db: Db, args: { targetId: number; sourceId: number }): ChronologyEvent {
  if (args.targetId === args.sourceId) throw new AnnalistError('invalid-argument', 'cannot merge an event into itself')
  const target = getEvent(db, args.targetId)
  const source = getEvent(db, args.sourceId)
  return journaled(db, `Merge "${source.title}" into "${target.title}"`, () => {
    const { targetId, sourceId } = args
    moveEventContents(db, sourceId, targetId)
    const note = source.note.trim()
    const merged = note && !target.note.includes(note) ? (target.note.trim() ? `${target.note.trim()}\n\n${note}` : note) : target.note
    updateEventColumns(db, targetId, { note: merged, updatedAt: now() })
    deleteEventRow(db, sourceId)
    return getEvent(db, targetId)
  })
}
