/**
 * Contract rows of chronologies, events, citations, proposals and undo. Every edit is undoable and
 * followed by a `chronologyChanged` event.
 */
import { z } from 'zod'
import {
  CLAIM_STATUSES,
  ENTITY_KINDS,
  STANCES,
  type AcceptedProposal,
  type Chronology,
  type ChronologyEvent,
  type Citation,
  type DatedPassage,
  type PassageDate,
  type ProposedEvent,
  type UndoResult
} from '../chronology'
import { method, returns } from './method'
import { edtf, id, name, none, note, offset, prefix } from './schemas'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
const names = z.array(name).max(1000)
const title = z.string().min(1).max(2000)
const chronologyName = z.string().min(1).max(500)
const limit = z.number().int().min(1).max(200).optional()

const citationInput = z
  .object({ articleId: id, start: offset, end: offset, stance: z.enum(STANCES).optional(), note: note.nullable().optional() })
  .strict()

const eventFields = {
  note: note.optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  tags: names.optional(),
  people: names.optional(),
  places: names.optional(),
  chronologyIds: z.array(id).max(1000).optional()
}

export const chronologyMethods = {
  /** Every chronology by name, with its event count. */
  listChronologies: method({ args: none, result: returns<Chronology[]>(), access: 'read' }),
  /** The chronology with this name (case-insensitive); `not-found` naming it otherwise. */
  findChronology: method({ args: z.object({ name: chronologyName }).strict(), result: returns<Chronology>(), access: 'read' }),
  /** Creates a chronology; names are unique regardless of case. */
  createChronology: method({
    args: z.object({ name: chronologyName, description: note.optional() }).strict(),
    result: returns<Chronology>(),
    access: 'write'
  }),
  /** Renames a chronology and/or changes its description. */
  renameChronology: method({
    args: z.object({ id, name: chronologyName.optional(), description: note.optional() }).strict(),
    result: returns<Chronology>(),
    access: 'write'
  }),
  /** Deletes the chronology only; its events stay in the archive. */
  deleteChronology: method({ args: z.object({ id }).strict(), result: returns<Chronology>(), access: 'write' }),

  /** Events matching every given filter, in chronological order (earliest day, precision, time). */
  listEvents: method({
    args: z
      .object({
        chronologyId: id.optional(),
        tag: name.optional(),
        person: name.optional(),
        place: name.optional(),
        status: z.enum(CLAIM_STATUSES).optional(),
        from: day.optional(),
        to: day.optional()
      })
      .strict(),
    result: returns<ChronologyEvent[]>(),
    access: 'read'
  }),
  /** One event with its citations. */
  getEvent: method({ args: z.object({ id }).strict(), result: returns<ChronologyEvent>(), access: 'read' }),
  /** Creates an event with its citations; the date is EDTF, refused with the reason when it does not parse. */
  createEvent: method({
    args: z.object({ title, date: edtf, ...eventFields, citations: z.array(citationInput).max(1000).optional() }).strict(),
    result: returns<ChronologyEvent>(),
    access: 'write'
  }),
  /** Changes the given fields; a list given replaces the whole list. */
  updateEvent: method({
    args: z.object({ id, title: title.optional(), date: edtf.optional(), ...eventFields }).strict(),
    result: returns<ChronologyEvent>(),
    access: 'write'
  }),
  /** Deletes an event with its citations (undo brings them back). */
  deleteEvent: method({ args: z.object({ id }).strict(), result: returns<ChronologyEvent>(), access: 'write' }),
  /** Moves the source's citations, tags, people, places and memberships to the target; the source is deleted. */
  mergeEvents: method({ args: z.object({ targetId: id, sourceId: id }).strict(), result: returns<ChronologyEvent>(), access: 'write' }),

  /** Cites `[start, end)` of the article's clean text; the server computes quote, context and hash. */
  addCitation: method({ args: citationInput.extend({ eventId: id }).strict(), result: returns<Citation>(), access: 'write' }),
  /** Changes a citation's stance or note, or re-anchors it to new offsets (clearing `orphaned`). */
  updateCitation: method({
    args: z
      .object({ id, stance: z.enum(STANCES).optional(), note: note.nullable().optional(), start: offset.optional(), end: offset.optional() })
      .strict(),
    result: returns<Citation>(),
    access: 'write'
  }),
  /** Removes a citation; says which event and article it joined. */
  removeCitation: method({ args: z.object({ id }).strict(), result: returns<{ eventId: number; articleId: number }>(), access: 'write' }),
  /** Every citation into one article (Reader highlights), orphaned ones included. */
  listArticleCitations: method({ args: z.object({ articleId: id }).strict(), result: returns<Citation[]>(), access: 'read' }),

  /** (Re)computes proposed events from the article's text and date; returns the pending ones. */
  suggestEvents: method({ args: z.object({ articleId: id }).strict(), result: returns<ProposedEvent[]>(), access: 'write' }),
  /**
   * The dates `suggestEvents` would propose from the article's current text and date, with their
   * sentences, computed and not stored (for a reader beside the app holding the archive).
   */
  previewEvents: method({ args: z.object({ articleId: id }).strict(), result: returns<DatedPassage[]>(), access: 'read' }),
  /** Dates written around a passage being cited (first = default date for a new event); nothing stored. */
  datesForPassage: method({
    args: z.object({ articleId: id, start: offset, end: offset }).strict(),
    result: returns<PassageDate[]>(),
    access: 'read'
  }),
  /** An article's proposals in text order, optionally only those with one status. */
  listProposals: method({
    args: z.object({ articleId: id, status: z.enum(['pending', 'accepted', 'dismissed']).optional() }).strict(),
    result: returns<ProposedEvent[]>(),
    access: 'read'
  }),
  /** Creates an event from a proposal (with edits), or adds its citation to `mergeInto`. */
  acceptProposal: method({
    args: z
      .object({
        proposalId: id,
        edits: z.object({ title: title.optional(), date: edtf.optional(), ...eventFields }).strict().optional(),
        mergeInto: id.optional()
      })
      .strict(),
    result: returns<AcceptedProposal>(),
    access: 'write'
  }),
  /** Dismisses a proposal; it stays dismissed when the article is re-read. */
  dismissProposal: method({ args: z.object({ proposalId: id }).strict(), result: returns<ProposedEvent>(), access: 'write' }),

  /** People or place names used on events, starting with `prefix`, most used first. */
  entityNames: method({
    args: z.object({ kind: z.enum(ENTITY_KINDS), prefix, limit }).strict(),
    result: returns<string[]>(),
    access: 'read'
  }),
  /** Event tags starting with `prefix`, most used first. */
  eventTagNames: method({ args: z.object({ prefix, limit }).strict(), result: returns<string[]>(), access: 'read' }),

  /**
   * Reverses the latest action; with `actionId`, exactly that action, refused (`conflict`, nothing
   * undone) unless it is still the latest one done.
   */
  undo: method({ args: z.object({ actionId: id.optional() }).strict(), result: returns<UndoResult>(), access: 'write' }),
  /** Does again the action undone last. */
  redo: method({ args: none, result: returns<UndoResult>(), access: 'write' }),
  /** What undo would reverse, and whether redo is possible (for menu labels). */
  undoState: method({ args: none, result: returns<UndoResult>(), access: 'read' })
}
