/** Citations: passage anchors from an event to an article's clean text. */
import type { Db } from '../archive/db'
import { now } from '../archive/clock'
import { sha256 } from '../archive/originals'
import { AnnalistError } from '../../shared/errors'
import type { Citation, CitationInput, CitationPatch, PassageAnchor } from '../../shared/chronology'
import { anchorAt } from './anchor'
import { nameArticle } from '../archive/article-name'
import { citationById } from '../archive/repo/citations'
import { journaled } from '../archive/journal'
import { articleCleanText } from '../archive/repo/paragraph-text'
import { eventExists, touchEvent } from '../archive/repo/event-writes'
import {
  deleteCitationRow,
  insertCitationRow,
  setCitationAnchor,
  setCitationNote,
  setCitationStance
} from '../archive/repo/citation-writes'

/** The clean text of an article and its sha256; `not-found` if absent. */
export function articleText(db: Db, articleId: number): { text: string; hash: string } {
  const text = articleCleanText(db, articleId)
  if (text === undefined) throw new AnnalistError('not-found', `no article with id ${articleId}`)
  return { text, hash: sha256(text) }
}

function requireEvent(db: Db, eventId: number): void {
  if (!eventExists(db, eventId)) {
    throw new AnnalistError('not-found', `no event with id ${eventId}`)
  }
}

/** Inserts a citation with a ready anchor (no journaling; callers run inside an action). */
export function insertAnchoredCitation(
  db: Db,
  args: { eventId: number; articleId: number; anchor: PassageAnchor; textHash: string; stance?: Citation['stance']; note?: string | null }
): number {
  return insertCitationRow(db, {
    eventId: args.eventId,
    articleId: args.articleId,
    anchor: args.anchor,
    textHash: args.textHash,
    stance: args.stance ?? 'supports',
    note: args.note ?? null,
    at: now()
  })
}

/** Inserts a citation from offsets, computing quote, context and text hash (inside an action). */
export function insertCitation(db: Db, eventId: number, input: CitationInput): number {
  const { text, hash } = articleText(db, input.articleId)
  let anchor: PassageAnchor
  try {
    anchor = anchorAt(text, input.start, input.end)
  } catch (err) {
    if (err instanceof AnnalistError) throw new AnnalistError(err.code, `${nameArticle(db, input.articleId)}: ${err.message}`)
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

/** Cites a passage of an article (given by offsets into its current clean text) for an event. */
export function addCitation(db: Db, args: CitationInput & { eventId: number }): Citation {
  return journaled(db, 'Add citation', () => {
    requireEvent(db, args.eventId)
    const id = insertCitation(db, args.eventId, args)
    touchEvent(db, args.eventId, now())
    return citationById(db, id)
  })
}

/** Changes a citation's stance or note, or re-anchors it to new offsets (clearing `orphaned`). */
export function updateCitation(db: Db, patch: CitationPatch): Citation {
  return journaled(db, 'Edit citation', () => {
    const current = citationById(db, patch.id)
    if (patch.stance !== undefined) setCitationStance(db, patch.id, patch.stance)
    if (patch.note !== undefined) setCitationNote(db, patch.id, patch.note)
    if (patch.start !== undefined || patch.end !== undefined) {
      if (patch.start === undefined || patch.end === undefined) {
        throw new AnnalistError('invalid-argument', 'give both start and end to move a citation')
      }
      const { text, hash } = articleText(db, current.articleId)
      const a = anchorAt(text, patch.start, patch.end)
      setCitationAnchor(db, patch.id, a, hash)
    }
    touchEvent(db, current.eventId, now())
    return citationById(db, patch.id)
  })
}

/** Removes a citation; the event stays. */
export function removeCitation(db: Db, id: number): { eventId: number; articleId: number } {
  return journaled(db, 'Remove citation', () => {
    const current = citationById(db, id)
    deleteCitationRow(db, id)
    touchEvent(db, current.eventId, now())
    return { eventId: current.eventId, articleId: current.articleId }
  })
}
