import type { ImportFailureCode } from '../../shared/types'
import type { WrittenOriginal } from './originals-durable'
import type { ParsedArticle } from '../archive/parsed-article'
import type { RawMention } from '../entities/extract/types'
import type { ParagraphKeys } from '../text/shingles'
import type { TextDigest } from '../archive/article-body'

/** What the pool hands a worker: one file's bytes plus where to keep the original. */
export interface ParseTask {
  id: number
  name: string
  bytes: Uint8Array
  /** Milliseconds since the epoch, or null for files that arrived without one. */
  mtimeMs: number | null
  sha256: string
  originalsDir: string
}

/**
 * Takes back a task sent ahead that the worker has not begun: the pool has sent it to another
 * worker, because the one it waited behind has taken long. Begun already, it is answered, and the
 * pool ignores that answer.
 */
export interface ParseRevoke {
  revoke: number
}

/** Per-paragraph facts the main thread needs for near-duplicates, boilerplate and entities. */
export interface ParagraphAnalysis extends ParagraphKeys {
  /**
   * People, organisations and places in the paragraph, offsets into the paragraph's text: the
   * main thread places them in the clean text once it knows which paragraphs are kept.
   */
  mentions: RawMention[]
}

/** One article of a file (a file of one article has one part, labelled ''). */
export interface ParsedPart {
  /** Where the article sits in a container file ("https://… (record at byte 1200)"), else ''. */
  label: string
  article: ParsedArticle
  analysis: ParagraphAnalysis[]
  /** The digest of the text its paragraphs make, which the writer stores unless it drops some. */
  digest: TextDigest
  /** The distinct search words of its title, dek and that text, joined by spaces (archive/search-words.ts). */
  searchWords: string
  /** Index in `parts` of the message an attachment came with. */
  attachedTo: number | null
}

/** A worker's answer for one task. */
export type ParseReply =
  | {
      id: number
      ok: true
      mediaType: string
      parts: ParsedPart[]
      /** Records of a container that should have been articles and failed, each with its code. */
      failed: { label: string; code: ImportFailureCode; message: string }[]
      /** Records of a container that are not articles, counted by kind. */
      passedOver: Record<string, number>
      /** Written but not yet fsynced: the main thread makes it durable before the row. */
      original: WrittenOriginal
    }
  | { id: number; ok: false; code: ImportFailureCode; message: string }

/**
 * Sent while a file is read: how many records of a container so far, or a page read by OCR.
 * Each restarts the task's time limit, which then bounds one record or one page rather than the
 * whole file (a crawl of hundreds of pages, a long scan).
 */
export interface ParseProgress {
  id: number
  records?: number
  page?: { done: number; total: number }
}

/** Sent once by a worker when it has loaded its parsers and can take tasks. */
export interface WorkerReady {
  ready: true
}

/** Data every worker is started with. */
export interface WorkerInit {
  /** A module exporting `parseSourceFile` to use instead of the built-in formats (tests). */
  parserModule: string | null
}
