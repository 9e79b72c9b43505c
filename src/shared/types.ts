/** Domain types of the archive: articles, files, imports. Plain data, safe on every side. */

export type DatePrecision = 'day' | 'month' | 'year'

/**
 * Where an article's publication date came from; `user` wins over everything. `meta` page
 * metadata, an e-mail Date: header or front matter; `dateline` the dateline (with its year, or
 * `XXXX-…` when it gives none and nothing proves one); `text` a date stamp printed with its
 * year; `weekday` a weekday written with the date ("Saturday, March 17"); `capture` the year a
 * saved page's capture timestamp (SingleFile, Wayback Machine) fixes; `file` a year guessed
 * from the file's modification time and `import` one guessed from the day of import, `related`
 * the year of a near-duplicate a few days apart whose year is proven (all three always marked `?`).
 */
export const DATE_PROVENANCES = ['meta', 'dateline', 'text', 'weekday', 'capture', 'file', 'import', 'related', 'user'] as const
export type DateProvenance = (typeof DATE_PROVENANCES)[number]

export interface PublishedDate {
  /** EDTF, e.g. `2021-09-01`, `2021-09`, `2021?`, `2024-03-17?` (a guess), `XXXX-03-17` (year unknown). */
  edtf: string
  precision: DatePrecision
  provenance: DateProvenance
}

export interface ArchiveInfo {
  /** Absolute path of the archive directory. */
  path: string
  schemaVersion: number
  appVersion: string
  articleCount: number
  eventCount: number
  chronologyCount: number
  fileCount: number
  /** Bytes of the database plus originals. */
  sizeBytes: number
}

export interface ArticleSummary {
  id: number
  title: string
  dek: string | null
  outlet: string | null
  byline: string | null
  place: string | null
  /** The article's public address, when the file carried one. */
  url: string | null
  published: PublishedDate | null
  language: string | null
  words: number
  fileName: string | null
  duplicateOf: number | null
  nearDuplicateCount: number
  eventCount: number
  tags: string[]
  createdAt: string
}

export interface Paragraph {
  /** 1-based position in the article. */
  ordinal: number
  text: string
  /** Character offsets into the article's clean text, end exclusive. */
  start: number
  end: number
  /** Page number for paginated originals (PDF), else null. */
  page: number | null
}

/** Two paragraphs carrying the same text: one of this article, one of the other. */
export interface SharedParagraph {
  /** Paragraph ordinal in this article. */
  ordinal: number
  /** Paragraph ordinal in the other article. */
  otherOrdinal: number
}

export interface NearDuplicateLink {
  articleId: number
  title: string
  outlet: string | null
  sharedParagraphs: number
  /**
   * The matching pairs, by ordinal. Empty for links made before pairs were recorded (schema 9),
   * whose count still stands.
   */
  paragraphs: SharedParagraph[]
}

export interface ArticleFile {
  sha256: string
  name: string
  size: number
  mediaType: string
  originalPath: string | null
  importedAt: string
}

export interface ArticleDetail extends ArticleSummary {
  text: string
  paragraphs: Paragraph[]
  file: ArticleFile | null
  nearDuplicates: NearDuplicateLink[]
  updatedAt: string
}

/** The orders the article list offers (the API validates against this list, the CLI offers it). */
export const ARTICLE_SORTS = ['imported', 'published', 'title', 'outlet', 'words'] as const
export type ArticleSort = (typeof ARTICLE_SORTS)[number]

export interface ListArticlesQuery {
  limit?: number
  offset?: number
  sort?: ArticleSort
  order?: 'asc' | 'desc'
}

export interface ArticlePage {
  total: number
  items: ArticleSummary[]
}

export const IMPORT_FAILURE_CODES = [
  'unreadable',
  'empty',
  'unsupported-type',
  'too-large',
  'decode-failed',
  'parse-failed',
  'timeout',
  'cancelled',
  'storage-failed'
] as const

export type ImportFailureCode = (typeof IMPORT_FAILURE_CODES)[number]

export interface ImportAdded {
  id: number
  path: string
  title: string
}

export interface ImportDuplicate {
  path: string
  /** Id of the article already in the archive. */
  duplicateOf: number
  /** `bytes` when the same file was imported before, `text` when the clean text matches. */
  reason: 'bytes' | 'text'
}

export interface ImportFailure {
  path: string
  code: ImportFailureCode
  message: string
}

export interface ImportNearDuplicate {
  articleId: number
  otherId: number
  sharedParagraphs: number
  /** The matching pairs: `ordinal` in `articleId`, `otherOrdinal` in `otherId`. */
  paragraphs: SharedParagraph[]
}

/**
 * Earlier articles of one outlet cleaned of lines the boilerplate memory learned when an
 * imported article was the one that made them repeated often enough. One undoable action.
 */
export interface ImportCleaned {
  /** The imported article whose arrival taught the lines. */
  articleId: number
  /** The outlet (or site) repeating them. */
  outlet: string
  /** The earlier articles the lines were removed from. */
  cleanedIds: number[]
  /** How many paragraphs were removed in all. */
  paragraphs: number
  /** Citations on those articles found again at new offsets. */
  citationsMoved: number[]
  /** Citations whose passage was in a removed line: kept, flagged orphaned for the user. */
  citationsOrphaned: number[]
  /** The undo action that restores the lines (null if nothing changed). */
  actionId: number | null
}

/** What naming an article needs ("“Title” (outlet, date)", see shared/article-label). */
export type ArticleName = Pick<ArticleSummary, 'id' | 'title' | 'outlet' | 'byline' | 'url' | 'published'>

export interface ImportReport {
  batchId: string
  added: ImportAdded[]
  duplicates: ImportDuplicate[]
  failed: ImportFailure[]
  nearDuplicates: ImportNearDuplicate[]
  /** Earlier articles cleaned of newly learned boilerplate lines. */
  cleaned: ImportCleaned[]
  skipped: { path: string; reason: string }[]
  /** Every article the report refers to by id (duplicates, near-duplicates, cleaned), so it can name them. */
  articles: ArticleName[]
  cancelled: boolean
  elapsedMs: number
}

export interface ImportProgress {
  batchId: string
  done: number
  total: number
  current: string | null
}

export interface BlobFile {
  name: string
  bytes: Uint8Array
}
