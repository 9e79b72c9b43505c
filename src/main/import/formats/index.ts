import { extname } from 'node:path'
import type { ParsedArticle } from '../parsed'
import { ImportError } from '../errors'
import { parsePlainText } from './text'
import { parseHtml } from './html'

export interface SourceFile {
  /** File name shown in reports and stored with the article. */
  name: string
  bytes: Uint8Array
  /** Modification time of the file on disk, when known (a weak hint for the year). */
  mtime: Date | null
}

export interface FormatResult {
  mediaType: string
  article: ParsedArticle
}

/** Maximum size of one imported file. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024

/** Decodes and parses one file into an article, or throws an ImportError with a documented code. */
export function parseSourceFile(file: SourceFile): FormatResult {
  if (file.bytes.length === 0) throw new ImportError('empty', `${file.name} is empty (0 bytes)`)
  if (file.bytes.length > MAX_FILE_BYTES) {
    throw new ImportError('too-large', `${file.name} is ${file.bytes.length} bytes; the limit is ${MAX_FILE_BYTES}`)
  }
  const ext = extname(file.name).toLowerCase()
  switch (ext) {
    case '.txt':
    case '.text': {
      let text: string
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes)
      } catch {
        throw new ImportError('decode-failed', `${file.name} is not valid UTF-8 text`)
      }
      return { mediaType: 'text/plain', article: parsePlainText(text, file.name) }
    }
    case '.html':
    case '.htm':
    case '.xhtml':
      return { mediaType: ext === '.xhtml' ? 'application/xhtml+xml' : 'text/html', article: parseHtml(file.bytes, file.name) }
    default:
      throw new ImportError('unsupported-type', `${file.name}: files of type "${ext || 'none'}" cannot be imported`)
  }
}
