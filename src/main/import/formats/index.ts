import { extname } from 'node:path'
import type { ParsedArticle } from '../parsed'
import { ImportError } from '../errors'
import type { AnalysedArticle, AnalyseOptions, RemovedParagraph } from '../text/analyse'
import { decodeText } from './decode'
import { parseDocx } from './docx'
import { parseEml } from './eml'
import { parseHtml } from './html'
import { parseMarkdown } from './markdown'
import { parsePdf } from './pdf'
import { looksBinary, sniffBinaryKind } from './sniff'
import { parsePlainText } from './text'

/** One file to parse: its name, its bytes and (when on disk) its modification time. */
export interface SourceFile {
  /** File name shown in reports and stored with the article. */
  name: string
  bytes: Uint8Array
  /** Modification time of the file on disk, when known (a weak hint for the year). */
  mtime: Date | null
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

/** Maximum size of one imported file. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024

/**
 * Most clean text one article may have (about 600,000 words, a long book). Storing, indexing and
 * fingerprinting cost memory in proportion to the text: a 47 MB text file took 2.6 GB to import.
 */
export const MAX_ARTICLE_CHARS = 4_000_000

/** File extensions (lower case, with the dot) that parseSourceFile reads. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.mdown', '.mkd', '.eml', '.pdf', '.docx', '.html', '.htm', '.xhtml'] as const

function analysed(mediaType: string, result: AnalysedArticle, encoding?: string): FormatResult {
  return { mediaType, article: result.article, removed: result.removed, ...(encoding === undefined ? {} : { encoding }) }
}

function unsupported(file: SourceFile, ext: string): ImportError {
  const kind = sniffBinaryKind(file.bytes)
  const what = kind ?? (looksBinary(file.bytes.subarray(0, 4096)) ? 'unrecognised binary data' : 'text of an unknown kind')
  return new ImportError('unsupported-type', `${file.name}: files of type "${ext || 'none'}" cannot be imported (content: ${what})`)
}

/**
 * Decodes and parses one file into an article, or throws an ImportError with a documented code:
 * `empty` (no bytes, no text, only boilerplate, a PDF without a text layer), `too-large` (over
 * MAX_FILE_BYTES, or a .docx that would unpack beyond its limits), `unsupported-type` (unknown
 * extension, or binary content such as an image named .txt; the message names the kind),
 * `decode-failed` (binary or undecodable bytes in a text file), `parse-failed` (damaged PDF,
 * ZIP or Word document, or an .eml without mail headers). Every message names the file.
 */
export async function parseSourceFile(file: SourceFile): Promise<FormatResult> {
  if (file.bytes.length === 0) throw new ImportError('empty', `${file.name} is empty (0 bytes)`)
  if (file.bytes.length > MAX_FILE_BYTES) {
    throw new ImportError('too-large', `${file.name} is ${file.bytes.length} bytes; the limit is ${MAX_FILE_BYTES}`)
  }
  const result = await parseByType(file)
  const chars = result.article.paragraphs.reduce((n, p) => n + p.text.length, 0)
  if (chars > MAX_ARTICLE_CHARS) {
    throw new ImportError(
      'too-large',
      `${file.name} holds ${(chars / 1e6).toFixed(1)} million characters of text; an article may have at most ${MAX_ARTICLE_CHARS / 1e6} million (split the document)`
    )
  }
  return result
}

async function parseByType(file: SourceFile): Promise<FormatResult> {
  const options: AnalyseOptions = { mtime: file.mtime }
  const ext = extname(file.name).toLowerCase()
  switch (ext) {
    case '.txt':
    case '.text': {
      const decoded = decodeText(file.bytes, file.name)
      return analysed('text/plain', parsePlainText(decoded.text, file.name, options), decoded.encoding)
    }
    case '.md':
    case '.markdown':
    case '.mdown':
    case '.mkd': {
      const decoded = decodeText(file.bytes, file.name)
      return analysed('text/markdown', parseMarkdown(decoded.text, file.name, options), decoded.encoding)
    }
    case '.eml':
      if (looksBinary(file.bytes.subarray(0, 4096))) throw unsupported(file, ext)
      return analysed('message/rfc822', await parseEml(file.bytes, file.name, options))
    case '.pdf':
      return analysed('application/pdf', await parsePdf(file.bytes, file.name, options))
    case '.docx':
      return analysed(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        await parseDocx(file.bytes, file.name, options)
      )
    case '.html':
    case '.htm':
    case '.xhtml':
      return { mediaType: ext === '.xhtml' ? 'application/xhtml+xml' : 'text/html', article: parseHtml(file.bytes, file.name, { mtime: file.mtime }) }
    default:
      throw unsupported(file, ext)
  }
}
