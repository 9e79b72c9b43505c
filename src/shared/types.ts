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
  /**
   * The archive's own identity, stored in it (settings `archive.id`), so it survives moving the
   * folder and a new server port; the UI keys its remembered state by it. Null only for an
   * archive no writable open has given one yet (opened read-only beside an older build).
   */
  id: string | null
  /** True for the separate sample archive first run creates (settings `archive.sample`). */
  sample: boolean
  schemaVersion: number
  appVersion: string
  articleCount: number
  eventCount: number
  chronologyCount: number
  fileCount: number
  /** Bytes of the database plus originals. */
  sizeBytes: number
  /**
   * Articles whose names were found by an earlier version's rules: finding them again
   * (`extractEntities` with `stale`) brings their people, organisations and places up to date.
   */
  staleEntityArticles: number
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
  /** For text read by OCR: the words the engine was unsure of (offsets into this paragraph's text). */
  doubtfulWords?: OcrWordSpan[]
}

/** One word read by OCR: offsets into its paragraph's text (end exclusive) and confidence (0–100). */
export interface OcrWordSpan {
  start: number
  end: number
  confidence: number
}

/** Confidence (0–100) below which an OCR word is shown as doubtful. */
export const DOUBTFUL_OCR_CONFIDENCE = 60

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

/**
 * Tools whose captures import reads, recorded as an article's capture provenance: `mhtml` a page
 * saved as one MHTML file (Chrome "Webpage, Single File", Hunchly), `singlefile` a page saved by
 * the SingleFile extension, `warc` and `wacz` a response record of a web archive, `mbox` a
 * message of a mailbox.
 */
export const CAPTURE_TOOLS = ['mhtml', 'singlefile', 'warc', 'wacz', 'mbox'] as const
export type CaptureTool = (typeof CAPTURE_TOOLS)[number]

/**
 * Where an article was captured, as archivists and courts expect web evidence to say: what was
 * captured (`url`), when (`capturedAt`), with what (`tool`, plus `software` when the capture names
 * it, such as a WARC's warcinfo), and where in the imported file the record sits when the file
 * holds many (`member`, the entry of a WACZ; `offset`, the byte offset of the record or message).
 */
export interface CaptureProvenance {
  tool: CaptureTool
  url: string | null
  /** ISO 8601 in UTC, e.g. `2021-08-31T14:02:00Z`; null when the capture does not say. */
  capturedAt: string | null
  software: string | null
  member: string | null
  offset: number | null
}

/** An e-mail's place in its thread: its Message-ID and the one it answers. */
export interface MessageThreading {
  messageId: string
  inReplyTo: string | null
}

export interface ArticleDetail extends ArticleSummary {
  /** Where the article was captured, for captures (web archives, saved pages, mailboxes). */
  capture: CaptureProvenance | null
  /** The message this article came attached to (an mbox attachment), by article id. */
  attachedTo: number | null
  text: string
  paragraphs: Paragraph[]
  file: ArticleFile | null
  nearDuplicates: NearDuplicateLink[]
  updatedAt: string
  /** Mean OCR word confidence (0–100) when the text was read from page images by OCR. */
  ocrConfidence?: number
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

/** What one container file held besides articles, by kind ("redirect", "asset", "revisit" …). */
export interface ImportPassedOver {
  path: string
  counts: Record<string, number>
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
  /**
   * Records of container files (web archives, mailboxes) passed over as not articles, counted per
   * file and kind: redirects, assets, revisits, responses other than 200 and the like.
   */
  passedOver: ImportPassedOver[]
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
  /** Pages of `current` read by OCR so far, while a scan or image is being read. */
  pages?: { done: number; total: number }
}

export interface BlobFile {
  name: string
  bytes: Uint8Array
}
