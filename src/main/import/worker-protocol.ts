import type { ImportFailureCode } from '../../shared/types'
import type { WrittenOriginal } from './originals-durable'
import type { ParsedArticle } from '../archive/parsed-article'

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

/** Per-paragraph facts the main thread needs for near-duplicates and boilerplate. */
export interface ParagraphAnalysis {
  fingerprints: number[]
  boilerplateKey: number | null
}

/** A worker's answer for one task. */
export type ParseReply =
  | {
      id: number
      ok: true
      mediaType: string
      article: ParsedArticle
      analysis: ParagraphAnalysis[]
      /** Written but not yet fsynced: the main thread makes it durable before the row. */
      original: WrittenOriginal
    }
  | { id: number; ok: false; code: ImportFailureCode; message: string }

/**
 * Sent by a worker after each page it reads by OCR: the page count of a scan is its progress,
 * and a file still turning pages is alive however long it takes in all.
 */
export interface ParsePageProgress {
  id: number
  page: { done: number; total: number }
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
