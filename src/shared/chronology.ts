/** Domain types of chronologies, events, citations and proposals. */
import { NAMED_KINDS, type NamedKind } from './entities'
import type { ArticleDetail, CaptureProvenance, PublishedDate } from './types'

export const CLAIM_STATUSES = ['reported', 'confirmed', 'disputed', 'denied'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export const STANCES = ['supports', 'contradicts'] as const
export type Stance = (typeof STANCES)[number]

/**
 * Characters of context kept on each side of a quote (W3C TextQuoteSelector prefix/suffix), by
 * the Reader when the user selects a passage and by the backend when it anchors one.
 */
export const CONTEXT_CHARS = 32

/** W3C TextQuote + TextPosition selectors into an article's clean text (end exclusive). */
export interface PassageAnchor {
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
}

/** An event's honest date: the EDTF string plus derived day bounds used for sorting and filters. */
export interface EventDate {
  /** EDTF level 1: `2021-08-15`, `2021-08`, `2021`, `2021-08-30/2021-08-31`, `2021-08-23~`, `2021-09-03?`, `2021-08-31T23:00+04:30`. */
  edtf: string
  /** First possible day, `YYYY-MM-DD`. */
  earliest: string
  /** Last possible day, `YYYY-MM-DD`. */
  latest: string
}

/** What an export or a footnote needs to know about the cited article. */
export interface CitedArticle {
  id: number
  title: string
  outlet: string | null
  byline: string | null
  published: PublishedDate | null
  url: string | null
  fileName: string | null
  /** BCP 47 language when known; exports pass it on (CSL-JSON `language` keeps citeproc from title-casing). */
  language?: string | null
  /** Where the article was captured, when it is a capture; exports cite it ("captured … from …"). */
  capture?: CaptureProvenance | null
}

export interface Citation {
  id: number
  eventId: number
  articleId: number
  anchor: PassageAnchor
  /** sha256 of the article clean text the anchor was made against. */
  textHash: string
  stance: Stance
  /** True when the passage can no longer be found exactly after the text changed. */
  orphaned: boolean
  note: string | null
  /** 1-based paragraph holding the start of the passage, null if orphaned. */
  paragraph: number | null
  /** Page for paginated originals (PDF), else null. */
  page: number | null
  article: CitedArticle
  createdAt: string
}

export interface ChronologyEvent {
  id: number
  title: string
  /** Markdown. */
  note: string
  date: EventDate
  status: ClaimStatus
  tags: string[]
  people: string[]
  organisations: string[]
  places: string[]
  chronologyIds: number[]
  citations: Citation[]
  createdAt: string
  updatedAt: string
}

export interface Chronology {
  id: number
  name: string
  description: string
  eventCount: number
  createdAt: string
  updatedAt: string
}

export type ProposalStatus = 'pending' | 'accepted' | 'dismissed'

/** A candidate event found in an article's date expressions. */
export interface ProposedEvent {
  id: number
  articleId: number
  date: EventDate
  /** The sentence around the date expression. */
  text: string
  /** The date expression itself as written. */
  expression: string
  anchor: PassageAnchor
  status: ProposalStatus
  eventId: number | null
  /** Existing events with the same date sharing a person or place (merge candidates on accept). */
  mergeCandidates?: number[]
}

/** A date an article reports with the sentence around it, as a proposal would carry it, but not stored. */
export interface DatedPassage {
  date: EventDate
  /** The sentence around the date expression. */
  text: string
  /** The date expression itself as written. */
  expression: string
  anchor: PassageAnchor
}

/** The kinds of names an event carries: the same kinds extraction finds in articles. */
export const ENTITY_KINDS = NAMED_KINDS
export type EntityKind = NamedKind

/** True when an event's sources disagree: it is marked `disputed` or cites both sides. */
export function isDisputed(event: Pick<ChronologyEvent, 'status' | 'citations'>): boolean {
  if (event.status === 'disputed') return true
  const stances = new Set(event.citations.map((c) => c.stance))
  return stances.has('supports') && stances.has('contradicts')
}

/** Filters for `listEvents`; every given filter must hold. Dates are `YYYY-MM-DD`, inclusive. */
export interface EventQuery {
  chronologyId?: number
  tag?: string
  person?: string
  organisation?: string
  place?: string
  /**
   * Events about this entity: naming any of its aliases as a person, organisation or place, or
   * citing a passage that mentions it.
   */
  entityId?: number
  status?: ClaimStatus
  /** Events whose latest possible day is on or after this day. */
  from?: string
  /** Events whose earliest possible day is on or before this day. */
  to?: string
}

/** A citation given by offsets into the article's current clean text; the server fills in the quote. */
export interface CitationInput {
  articleId: number
  start: number
  end: number
  stance?: Stance
  note?: string | null
}

export interface EventInput {
  title: string
  /** EDTF string; rejected with a reason when it does not parse. */
  date: string
  note?: string
  status?: ClaimStatus
  tags?: string[]
  people?: string[]
  organisations?: string[]
  places?: string[]
  chronologyIds?: number[]
  citations?: CitationInput[]
}

/** Fields to change; lists given replace the current ones. */
export interface EventPatch {
  id: number
  title?: string
  date?: string
  note?: string
  status?: ClaimStatus
  tags?: string[]
  people?: string[]
  organisations?: string[]
  places?: string[]
  chronologyIds?: number[]
}

export interface CitationPatch {
  id: number
  stance?: Stance
  note?: string | null
  /** Re-anchor to new offsets in the article's current text (also clears `orphaned`). */
  start?: number
  end?: number
}

/** What `reanchorArticle` found after an article's clean text changed. */
export interface ReanchorReport {
  articleId: number
  /** Citations still found exactly (possibly at new offsets). */
  kept: number[]
  /** Citations whose offsets changed because the text around them moved. */
  moved: number[]
  /** Citations whose passage can no longer be found exactly. */
  orphaned: number[]
}

/** Edits to an article's metadata or clean text (paragraphs separated by blank lines). */
/** A BCP 47 language tag as an article's language is stored: `en`, `pt`, `pt-BR`, `sr-Latn-RS`. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/

export interface ArticleEdit {
  id: number
  title?: string
  dek?: string | null
  outlet?: string | null
  byline?: string | null
  place?: string | null
  /** BCP 47 language tag (`en`, `pt`, `pt-BR`), or null for unknown; it decides how dates are read. */
  language?: string | null
  /** New clean text; paragraphs are split at blank lines. Citations are re-anchored. */
  text?: string
  /** EDTF publication date set by the user, or null to clear it. */
  published?: string | null
}

/** Edits applied when accepting a proposal: an event patch for the event not yet created. */
export type ProposalEdits = Omit<EventPatch, 'id'>

/** Result of `undo` / `redo`: the action's label, or null when there was nothing to do. */
export interface UndoResult {
  label: string | null
  canUndo: boolean
  canRedo: boolean
}

/** Pushed after every chronology edit (including undo/redo) so views can refresh. */
export interface ChronologyChange {
  /** What happened, e.g. `createEvent`, `undo`. */
  action: string
  eventIds: number[]
  articleIds: number[]
  /** The undo action the change was recorded as, where the caller holds on to it (the delete notice). */
  actionId?: number
}

/** An article `deleteArticles` left in place, and why, by title. */
export interface RefusedDelete {
  id: number
  title: string
  /** A sentence naming the article and what holds it, e.g. `“Dam gates opened” is cited by event “Gates opened”`. */
  reason: string
}

/** Result of `deleteArticles`: one undoable action, or none when nothing could be deleted. */
export interface DeleteArticlesResult {
  deleted: { id: number; title: string }[]
  refused: RefusedDelete[]
  /** The undo action that restores every deleted article (`undo({ actionId })`); null if none was deleted. */
  actionId: number | null
}

/** Result of `updateArticle`: the article as stored, and the re-anchoring report when the text changed. */
export interface ArticleEditResult {
  article: ArticleDetail
  reanchor: ReanchorReport | null
}

/** Result of `acceptProposal`: the proposal (now accepted) and the event it created or joined. */
export interface AcceptedProposal {
  proposal: ProposedEvent
  event: ChronologyEvent
}

/** A date found in or around a passage the user is citing, to prefill a new event's date. */
export interface PassageDate {
  date: EventDate
  /** The date expression as written. */
  expression: string
}
