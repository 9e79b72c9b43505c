/** zod schemas of the chronology API arguments; spread into `apiArgs` in validation.ts. */
import { z } from 'zod'
import { CLAIM_STATUSES, ENTITY_KINDS, LANGUAGE_TAG, STANCES } from './chronology'

const id = z.number().int().positive()
const offset = z.number().int().min(0)
const none = z.object({}).strict()
const edtf = z.string().min(1).max(100)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
const name = z.string().max(500)
const names = z.array(name).max(1000)
const title = z.string().min(1).max(2000)
const note = z.string().max(1_000_000)
const language = z.string().regex(LANGUAGE_TAG, 'expected a language tag such as en, pt or pt-BR')

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

/** Argument schema per chronology method. */
export const chronologyArgs = {
  listChronologies: none,
  createChronology: z.object({ name: z.string().min(1).max(500), description: note.optional() }).strict(),
  renameChronology: z.object({ id, name: z.string().min(1).max(500).optional(), description: note.optional() }).strict(),
  deleteChronology: z.object({ id }).strict(),
  listEvents: z
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
  getEvent: z.object({ id }).strict(),
  createEvent: z.object({ title, date: edtf, ...eventFields, citations: z.array(citationInput).max(1000).optional() }).strict(),
  updateEvent: z.object({ id, title: title.optional(), date: edtf.optional(), ...eventFields }).strict(),
  deleteEvent: z.object({ id }).strict(),
  mergeEvents: z.object({ targetId: id, sourceId: id }).strict(),
  addCitation: citationInput.extend({ eventId: id }).strict(),
  updateCitation: z
    .object({ id, stance: z.enum(STANCES).optional(), note: note.nullable().optional(), start: offset.optional(), end: offset.optional() })
    .strict(),
  removeCitation: z.object({ id }).strict(),
  listArticleCitations: z.object({ articleId: id }).strict(),
  suggestEvents: z.object({ articleId: id }).strict(),
  datesForPassage: z.object({ articleId: id, start: offset, end: offset }).strict(),
  listProposals: z.object({ articleId: id, status: z.enum(['pending', 'accepted', 'dismissed']).optional() }).strict(),
  acceptProposal: z
    .object({
      proposalId: id,
      edits: z.object({ title: title.optional(), date: edtf.optional(), ...eventFields }).strict().optional(),
      mergeInto: id.optional()
    })
    .strict(),
  dismissProposal: z.object({ proposalId: id }).strict(),
  setArticleDate: z.object({ id, edtf: edtf.nullable() }).strict(),
  updateArticle: z
    .object({
      id,
      title: z.string().min(1).max(2000).optional(),
      dek: z.string().max(10_000).nullable().optional(),
      outlet: name.nullable().optional(),
      byline: name.nullable().optional(),
      place: name.nullable().optional(),
      language: language.nullable().optional(),
      text: z.string().min(1).max(50_000_000).optional(),
      published: edtf.nullable().optional()
    })
    .strict(),
  deleteArticles: z.object({ ids: z.array(id).min(1).max(100_000) }).strict(),
  entityNames: z.object({ kind: z.enum(ENTITY_KINDS), prefix: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }).strict(),
  eventTagNames: z.object({ prefix: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }).strict(),
  undo: z.object({ actionId: id.optional() }).strict(),
  redo: none,
  undoState: none
}
