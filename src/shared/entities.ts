/**
 * Named entities: the people, organisations and places found in articles, grouped across
 * spellings and scripts. Types shared by the backend, the transports and the renderer.
 */

export const NAMED_KINDS = ['person', 'org', 'place'] as const
export type NamedKind = (typeof NAMED_KINDS)[number]

/**
 * Whether a name typed in a filter is matched only as a whole word: one or two letters mean
 * little inside words (`org:UN` is not "Fund"), and no trigram index can find them there.
 */
export function matchedAsWord(name: string): boolean {
  return [...name.trim()].length < 3
}

/** One entity as lists show it. */
export interface EntitySummary {
  id: number
  kind: NamedKind
  /** The display name: the user's rename, else the most frequent spelling. */
  name: string
  /** Every distinct spelling mentioned or added, most frequent first (the name included). */
  aliases: string[]
  /** Mentions over all articles. */
  mentions: number
  /** Articles mentioning it at least once. */
  articles: number
  hidden: boolean
  /** Places with coordinates from the shipped gazetteer; null for others. */
  lat: number | null
  lon: number | null
  /** ISO 3166-1 alpha-2 country of a place, where known. */
  country: string | null
}

/** One mention in an article's clean text (offsets as citations use them). */
export interface Mention {
  entityId: number
  kind: NamedKind
  /** The entity's display name. */
  name: string
  start: number
  end: number
  /** The text as written at start..end. */
  text: string
}

/** A passage that mentions an entity, for its page. */
export interface EntityPassage {
  articleId: number
  /** `shared/article-label` label: "Title" (outlet, date). */
  label: string
  published: string | null
  start: number
  end: number
  /** The spelling used there. */
  text: string
  /** The sentence around the mention, with the mention's offsets inside it. */
  snippet: { text: string; start: number; end: number }
}

export interface EntityEventRef {
  id: number
  title: string
  /** EDTF. */
  date: string
}

/** An entity and the entities that appear with it most (same article), for the small graph. */
export interface EntityGraph {
  nodes: EntitySummary[]
  /**
   * Undirected; weight = articles both appear in, among the central entity's latest 1,000
   * articles. Includes edges between neighbours.
   */
  edges: { a: number; b: number; weight: number }[]
}

export interface EntityPage {
  entity: EntitySummary
  passages: EntityPassage[]
  passageTotal: number
  events: EntityEventRef[]
  /** Entities mentioned in the same articles, most shared articles first. */
  related: { entity: EntitySummary; together: number }[]
}

/** A place on the map with what happened or was written there. */
export interface MapPlace {
  entity: EntitySummary
  articles: number
  events: EntityEventRef[]
}

/** Progress of an on-demand extraction over the archive (the `entitiesProgress` event). */
export interface EntityExtractionProgress {
  jobId: string
  state: 'running' | 'done' | 'cancelled' | 'failed'
  done: number
  total: number
  /** Entities and mentions stored so far. */
  entities: number
  mentions: number
  error?: { code: string; message: string }
}
