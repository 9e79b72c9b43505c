/** Domain types of chronologies, events, citations and proposals. */
import type { PublishedDate } from './types'

export const CLAIM_STATUSES = ['reported', 'confirmed', 'disputed', 'denied'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export const STANCES = ['supports', 'contradicts'] as const
export type Stance = (typeof STANCES)[number]

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
}
