/**
 * Contract rows of chronologies, events, citations, proposals and undo. Every edit is undoable and
 * followed by a `chronologyChanged` event.
 */
import * as z from 'zod/mini'
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
import { edtf, id, list, name, none, note, offset, prefix, text, whole } from './schemas'

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'))
const names = z.optional(list(name, 0, 1000))
const title = text(1, 2000)
const chronologyName = text(1, 500)
const limit = z.optional(whole(1, 200))
const stance = z.optional(z.enum(STANCES))
const citationNote = z.optional(z.nullable(note))

const citationInput = z.strictObject({ articleId: id, start: offset, end: offset, stance, note: citationNote })

const eventFields = {
  note: z.optional(note),
  status: z.optional(z.enum(CLAIM_STATUSES)),
  tags: names,
  people: names,
  organisations: names,
  places: names,
  chronologyIds: z.optional(list(id, 0, 1000))
}

export const chronologyMethods = {
  /** Every chronology by name, with its event count. */
  listChronologies: method({ args: none, result: returns<Chronology[]>(), access: 'read' }),
  /** The chronology with this name (case-insensitive); `not-found` naming it otherwise. */
  findChronology: method({ args: z.strictObject({ name: chronologyName }), result: returns<Chronology>(), access: 'read' }),
  /** Creates a chronology; names are unique regardless of case. */
  createChronology: method({
    args: z.strictObject({ name: chronologyName, description: z.optional(note) }),
    result: returns<Chronology>(),
    access: 'write'
  }),
  /** Renames a chronology and/or changes its description. */
  renameChronology: method({
    args: z.strictObject({ id, name: z.optional(chronologyName), description: z.optional(note) }),
    result: returns<Chronology>(),
    access: 'write'
  }),
  /** Deletes the chronology only; its events stay in the archive. */
  deleteChronology: method({ args: z.strictObject({ id }), result: returns<Chronology>(), access: 'write' }),

  /** Events matching every given filter, in chronological order (earliest day, precision, time). */
  listEvents: method({
    args: z.strictObject({
      chronologyId: z.optional(id),
      tag: z.optional(name),
      person: z.optional(name),
      organisation: z.optional(name),
      place: z.optional(name),
      entityId: z.optional(id),
      status: z.optional(z.enum(CLAIM_STATUSES)),
      from: z.optional(day),
      to: z.optional(day)
    }),
    result: returns<ChronologyEvent[]>(),
    access: 'read'
  }),
  /** One event with its citations. */
  getEvent: method({ args: z.strictObject({ id }), result: returns<ChronologyEvent>(), access: 'read' }),
  /** Creates an event with its citations; the date is EDTF, refused with the reason when it does not parse. */
  createEvent: method({
    args: z.strictObject({ title, date: edtf, ...eventFields, citations: z.optional(list(citationInput, 0, 1000)) }),
    result: returns<ChronologyEvent>(),
    access: 'write'
  }),
  /** Changes the given fields; a list given replaces the whole list. */
  updateEvent: method({
    args: z.strictObject({ id, title: z.optional(title), date: z.optional(edtf), ...eventFields }),
    result: returns<ChronologyEvent>(),
    access: 'write'
  }),
  /** Deletes an event with its citations (undo brings them back). */
  deleteEvent: method({ args: z.strictObject({ id }), result: returns<ChronologyEvent>(), access: 'write' }),
  /** Moves the source's citations, tags, people, places and memberships to the target; the source is deleted. */
  mergeEvents: method({ args: z.strictObject({ targetId: id, sourceId: id }), result: returns<ChronologyEvent>(), access: 'write' }),

  /** Cites `[start, end)` of the article's clean text; the server computes quote, context and hash. */
  addCitation: method({ args: z.extend(citationInput, { eventId: id }), result: returns<Citation>(), access: 'write' }),
  /** Changes a citation's stance or note, or re-anchors it to new offsets (clearing `orphaned`). */
  updateCitation: method({
    args: z.strictObject({ id, stance, note: citationNote, start: z.optional(offset), end: z.optional(offset) }),
    result: returns<Citation>(),
    access: 'write'
  }),
  /** Removes a citation; says which event and article it joined. */
  removeCitation: method({ args: z.strictObject({ id }), result: returns<{ eventId: number; articleId: number }>(), access: 'write' }),
  /** Every citation into one article (Reader highlights), orphaned ones included. */
  listArticleCitations: method({ args: z.strictObject({ articleId: id }), result: returns<Citation[]>(), access: 'read' }),

  /** (Re)computes proposed events from the article's text and date; returns the pending ones. */
  suggestEvents: method({ args: z.strictObject({ articleId: id }), result: returns<ProposedEvent[]>(), access: 'write' }),
  /**
   * The dates `suggestEvents` would propose from the article's current text and date, with their
   * sentences, computed and not stored (for a reader beside the app holding the archive).
   */
  previewEvents: method({ args: z.strictObject({ articleId: id }), result: returns<DatedPassage[]>(), access: 'read' }),
  /** Dates written around a passage being cited (first = default date for a new event); nothing stored. */
  datesForPassage: method({
    args: z.strictObject({ articleId: id, start: offset, end: offset }),
    result: returns<PassageDate[]>(),
    access: 'read'
  }),
  /** An article's proposals in text order, optionally only those with one status. */
  listProposals: method({
    args: z.strictObject({ articleId: id, status: z.optional(z.enum(['pending', 'accepted', 'dismissed'])) }),
    result: returns<ProposedEvent[]>(),
    access: 'read'
  }),
  /** Creates an event from a proposal (with edits), or adds its citation to `mergeInto`. */
  acceptProposal: method({
    args: z.strictObject({
      proposalId: id,
      edits: z.optional(z.strictObject({ title: z.optional(title), date: z.optional(edtf), ...eventFields })),
      mergeInto: z.optional(id)
    }),
    result: returns<AcceptedProposal>(),
    access: 'write'
  }),
  /** Dismisses a proposal; it stays dismissed when the article is re-read. */
  dismissProposal: method({ args: z.strictObject({ proposalId: id }), result: returns<ProposedEvent>(), access: 'write' }),

  /** People, organisation or place names used on events, starting with `prefix`, most used first. */
  entityNames: method({
    args: z.strictObject({ kind: z.enum(ENTITY_KINDS), prefix, limit }),
    result: returns<string[]>(),
    access: 'read'
  }),
  /** Event tags starting with `prefix`, most used first. */
  eventTagNames: method({ args: z.strictObject({ prefix, limit }), result: returns<string[]>(), access: 'read' }),

  /**
   * Reverses the latest action; with `actionId`, exactly that action, refused (`conflict`, nothing
   * undone) unless it is still the latest one done.
   */
  undo: method({ args: z.strictObject({ actionId: z.optional(id) }), result: returns<UndoResult>(), access: 'write' }),
  /** Does again the action undone last. */
  redo: method({ args: none, result: returns<UndoResult>(), access: 'write' }),
  /** What undo would reverse, and whether redo is possible (for menu labels). */
  undoState: method({ args: none, result: returns<UndoResult>(), access: 'read' })
}
