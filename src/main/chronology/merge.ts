/** Merging two events that describe the same thing into one. */
import type { Db } from '../archive/db'
import { now } from '../archive/clock'
import { AnnalistError } from '../../shared/errors'
import type { ChronologyEvent } from '../../shared/chronology'
import { getEvent } from './event-read'
import { journaled } from '../archive/journal'

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
    db.prepare(
      `DELETE FROM citations WHERE event_id = ? AND EXISTS (SELECT 1 FROM citations t WHERE t.event_id = ?
         AND t.article_id = citations.article_id AND t.start = citations.start AND t.end = citations.end
         AND t.exact = citations.exact)`
    ).run(sourceId, targetId)
    db.prepare('UPDATE citations SET event_id = ? WHERE event_id = ?').run(targetId, sourceId)
    db.prepare('INSERT OR IGNORE INTO event_tags (event_id, tag_id) SELECT ?, tag_id FROM event_tags WHERE event_id = ?').run(
      targetId,
      sourceId
    )
    db.prepare(
      `INSERT INTO event_entities (event_id, kind, name) SELECT ?, s.kind, s.name FROM event_entities s
       WHERE s.event_id = ? AND NOT EXISTS (SELECT 1 FROM event_entities t WHERE t.event_id = ? AND t.kind = s.kind
         AND t.name = s.name COLLATE NOCASE)`
    ).run(targetId, sourceId, targetId)
    db.prepare(
      'INSERT OR IGNORE INTO chronology_events (chronology_id, event_id) SELECT chronology_id, ? FROM chronology_events WHERE event_id = ?'
    ).run(targetId, sourceId)
    db.prepare('UPDATE proposals SET event_id = ? WHERE event_id = ?').run(targetId, sourceId)
    const note = source.note.trim()
    const merged = note && !target.note.includes(note) ? (target.note.trim() ? `${target.note.trim()}\n\n${note}` : note) : target.note
    db.prepare('UPDATE events SET note = ?, updated_at = ? WHERE id = ?').run(merged, now(), targetId)
    db.prepare('DELETE FROM events WHERE id = ?').run(sourceId)
    return getEvent(db, targetId)
  })
}
