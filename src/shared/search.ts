/** Search contract types: the parsed query, hits with snippets, facets, suggestions, saved searches. */

import type { PublishedDate } from './types'

/** Fields that restrict a word or phrase to part of the article text. */
export type TextField = 'title'

/** A node of the parsed text query. Terms and phrases are kept as typed; FTS5 tokenizes them. */
export type QueryNode =
  | { kind: 'term'; text: string; prefix: boolean; fuzzy: boolean; field: TextField | null }
  | { kind: 'phrase'; text: string; field: TextField | null }
  | { kind: 'near'; terms: string[]; distance: number }
  /** All of `children` and none of `exclude`. */
  | { kind: 'and'; children: QueryNode[]; exclude: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }

/** A word, phrase or NEAR group: the nodes that match text. */
export type QueryLeaf = Extract<QueryNode, { kind: 'term' | 'phrase' | 'near' }>

/**
 * Metadata filters; each may be negated (`-outlet:tass`). `person:` and `org:` match articles
 * mentioning an entity any of whose spellings matches; `place:` the dateline place or a place
 * mentioned.
 */
export type FilterField = 'outlet' | 'byline' | 'place' | 'person' | 'org' | 'lang' | 'tag' | 'has'

/** One metadata filter; several values (`outlet:tass OR outlet:bbc`) mean any of them. */
export interface QueryFilter {
  field: FilterField
  values: string[]
  negate: boolean
}

export interface DateRange {
  /** Inclusive first day `YYYY-MM-DD`; articles whose possible dates reach it match. */
  after: string | null
  /** Inclusive last day `YYYY-MM-DD`. */
  before: string | null
}

/** What the parser made of the query box: the tree, filters, and how it was read. */
export interface ParsedQuery {
  /** The text query, or null when the box holds only filters (or nothing). */
  root: QueryNode | null
  filters: QueryFilter[]
  dates: DateRange
  /** The global fuzzy toggle was on. */
  fuzzy: boolean
  /** One sentence a person can check: `all of: masood (fuzzy), "exact phrase"; outlet is TASS`. */
  readAs: string
  /** Things read differently from what was typed (unbalanced quotes, stray operators…). */
  warnings: string[]
}

/** Orders of search hits: `rank` (bm25 with title boost), `date` (newest first), `date-asc`. */
export const SEARCH_SORTS = ['rank', 'date', 'date-asc'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

export interface SearchQuery {
  query: string
  /** Treat every plain word as `word~`. */
  fuzzy?: boolean
  /** `rank` (bm25 with title boost, default), `date` (newest first) or `date-asc`. */
  sort?: SearchSort
  limit?: number
  offset?: number
}

/** One excerpt of a matching paragraph; `highlights` are [start, end) offsets into `text`. */
export interface Snippet {
  text: string
  highlights: [number, number][]
  /** 1-based paragraph ordinal in the article. */
  paragraph: number
  /** Offset of `text` in the article's clean text (for the Reader to scroll to). */
  offset: number
  /** The paragraph goes on before / after the excerpt (show an ellipsis). */
  clippedStart: boolean
  clippedEnd: boolean
}

export interface Hit {
  articleId: number
  title: string
  outlet: string | null
  published: PublishedDate | null
  byline: string | null
  place: string | null
  url: string | null
  language: string | null
  /** Higher is better; 0 when sorted by date or when the query has no words. */
  score: number
  /** Up to 3, best first; only for the page returned. */
  snippets: Snippet[]
}

export interface FacetCount {
  value: string
  count: number
}

export interface Facets {
  outlet: FacetCount[]
  /**
   * `YYYY-MM` (or `YYYY` for year-precision dates), chronological, then `XXXX` for articles whose
   * publication year is unknown (they are in no month or year; `has:unknown-year` selects them).
   */
  month: FacetCount[]
  place: FacetCount[]
  language: FacetCount[]
  /**
   * People, organisations and places mentioned most in the matching articles (entity display
   * names, hidden ones left out), counted in `entitiesCounted` of them.
   */
  person: FacetCount[]
  org: FacetCount[]
  mentionedPlace: FacetCount[]
  /**
   * The matching articles the three lists above were counted in: all of them, or, when more
   * match, an even sample across them (every mention of tens of thousands of articles is more
   * than a search can read). A count is then of the sample's articles, so at least that many.
   */
  entitiesCounted: number
}

/**
 * How hits were ordered: `relevance` (bm25, headline weighted), `date`, or — when a query
 * matches more than 5,000 articles — `headline-then-date`: headline matches by bm25, then the
 * rest newest first (ranking every match of so common a word costs more than it tells).
 */
export type SearchRanking = 'relevance' | 'date' | 'headline-then-date'

/**
 * One other archive word a fuzzy or prefix word matches: `variant`, another transliteration
 * (same key: Massoud/Masood, Хрущёв/Khrushchev); `typo`, within the allowance for its length;
 * `completion`, a word the prefix starts.
 */
export interface Spelling {
  term: string
  /** Articles the word occurs in. */
  articles: number
  kind: 'variant' | 'typo' | 'completion'
}

/** A spelling as a search reports it. */
export interface Expansion extends Spelling {
  /** The user dropped it for this query (`setDroppedSpellings`): listed, not searched. */
  dropped: boolean
}

export interface SearchResult {
  query: { text: string; parsed: ParsedQuery }
  ranking: SearchRanking
  total: number
  hits: Hit[]
  facets: Facets
  /** Each fuzzy or prefix word typed → the other archive words it also matched, most likely first. */
  expansions: Record<string, Expansion[]>
  elapsedMs: number
}

export type SuggestionKind = 'term' | 'outlet' | 'place' | 'person' | 'title'

export interface Suggestion {
  kind: SuggestionKind
  /** What to show. */
  label: string
  /** What to put in the search box in place of the word being typed. */
  insert: string
  /** Articles it occurs in, where known. */
  count: number | null
  /** For `title` suggestions: the article to open. */
  articleId: number | null
}

export interface SavedSearch {
  id: number
  name: string
  query: string
  fuzzy: boolean
  sort: SearchSort
  createdAt: string
}

/** Offsets of every match of a query in one article's clean text, for the Reader's next/previous. */
export interface ArticleHighlights {
  articleId: number
  /** [start, end) offsets into the article's clean text, in order. */
  ranges: [number, number][]
}
