import type { ParsedArticle } from '../../archive/parsed-article'
import type { PageProgress } from '../ocr/read-pages'
import type { RemovedParagraph } from '../text/analyse'

/** One file to parse: its name, its bytes and (when on disk) its modification time. */
export interface SourceFile {
  /** File name shown in reports and stored with the article. */
  name: string
  bytes: Uint8Array
  /** Modification time of the file on disk, when known (a weak hint for the year). */
  mtime: Date | null
  /** Told after each page read by OCR (scans and images), so a long file shows it is moving. */
  onPage?: PageProgress
}

/** A parsed file: the article, its media type, and what the parser left out. */
export interface FormatResult {
  mediaType: string
  article: ParsedArticle
  /** Text encoding the file was decoded from, for text formats. */
  encoding?: string
  /** Paragraphs left out of the clean text as boilerplate or metadata, in file order. */
  removed?: RemovedParagraph[]
}
