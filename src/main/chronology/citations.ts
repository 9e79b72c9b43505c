/** Citations: passage anchors from an event to an article's clean text. */
import type { Db } from '../archive/db'
import { now } from '../archive/clock'
import { sha256 } from '../archive/originals'
import { AnnalistError } from '../../shared/errors'
import type { Citation, CitationInput, CitationPatch, PassageAnchor } from '../../shared/chronology'
import { anchorAt } from './anchor'
import { citationById } from '../archive/repo/citations'
import { journaled } from '../archive/journal'

/** The clean text of an article and its sha256; `not-found` if absent. */
export function articleText(db: Db, articleId: number): { text: string; hash: string } {
  const row = db.prepare<[number], { text: string }>('SELECT text FROM articles WHERE id = ?').get(articleId)
  if (!row) throw new AnnalistError('not-found', `no article with id ${articleId}`)
  return { text: row.text, hash: sha256(row.text) }
}

function requireEvent(db: Db, eventId: number): void {
  if (!db.prepare('SELECT 1 FROM events WHERE id = ?').get(eventId)) {
    throw new AnnalistError('not-found', `no event with id ${eventId}`)
  }
}

/** Inserts a citation with a ready anchor (no journaling; callers run inside an action). */
export function insertAnchoredCitation(
  db: Db,
  args: { eventId: number; articleId: number; anchor: PassageAnchor; textHash: string; stance?: Citation['stance']; note?: string | null }
): number {
  const a = args.anchor
  return Number(
    db
      .prepare(
        `INSERT INTO citations (event_id, article_id, exact, prefix, suffix, start, end, text_hash, stance, orphaned, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`
      )
      .run(args.eventId, args.articleId, a.exact, a.prefix, a.suffix, a.start, a.end, args.textHash, args.stance ?? 'supports', args.note ?? null, now())
      .lastInsertRowid
  )
}

/** Inserts a citation from offsets, computing quote, context and text hash (inside an action). */
export function insertCitation(db: Db, eventId: number, input: CitationInput): number {
  const { text, hash } = articleText(db, input.articleId)
  let anchor: PassageAnchor
  try {
    anchor = anchorAt(text, input.start, input.end)
  } catch (err) {
    if (err instanceof AnnalistError) throw new AnnalistError(err.code, `article ${input.articleId}: ${err.message}`)
    throw err
  }
  return insertAnchoredCitation(db, {
    eventId,
    articleId: input.articleId,
    anchor,
    textHash: hash,
    stance: input.stance,
    note: input.note
  })
}

function touchEvent(db: Db, eventId: number): void {
  db.prepare('UPDATE events SET updated_at = ? WHERE id = ?').run(now(), eventId)
}

/** Cites a passage of an article (given by offsets into its current clean text) for an event. */
export function addCitation(db: Db, args: CitationInput & { eventId: number }): Citation {
  return journaled(db, 'Add citation', () => {
    requireEvent(db, args.eventId)
    const id = insertCitation(db, args.eventId, args)
    touchEvent(db, args.eventId)
    return citationById(db, id)
  })
}

/** Changes a citation's stance or note, or re-anchors it to new offsets (clearing `orphaned`). */
export function updateCitation(db: Db, patch: CitationPatch): Citation {
  return journaled(db, 'Edit citation', () => {
    const current = citationById(db, patch.id)
    if (patch.stance !== undefined) db.prepare('UPDATE citations SET stance = ? WHERE id = ?').run(patch.stance, patch.id)
    if (patch.note !== undefined) db.prepare('UPDATE citations SET note = ? WHERE id = ?').run(patch.note, patch.id)
    if (patch.start !== undefined || patch.end !== undefined) {
      if (patch.start === undefined || patch.end === undefined) {
        throw new AnnalistError('invalid-argument', 'give both start and end to move a citation')
      }
      const { text, hash } = articleText(db, current.articleId)
      const a = anchorAt(text, patch.start, patch.end)
      db.prepare(
        'UPDATE citations SET exact = ?, prefix = ?, suffix = ?, start = ?, end = ?, text_hash = ?, orphaned = 0 WHERE id = ?'
      ).run(a.exact, a.prefix, a.suffix, a.start, a.end, hash, patch.id)
    }
    touchEvent(db, current.eventId)
    return citationById(db, patch.id)
  })
}

/** Removes a citation; the event stays. */
export function removeCitation(db: Db, id: number): { eventId: number; articleId: number } {
  return journaled(db, 'Remove citation', () => {
    const current = citationById(db, id)
    db.prepare('DELETE FROM citations WHERE id = ?').run(id)
    touchEvent(db, current.eventId)
    return { eventId: current.eventId, articleId: current.articleId }
  })
}
