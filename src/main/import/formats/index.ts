import { extname } from 'node:path'
import { MAX_FILE_BYTES, type ImportExtension } from '../../../shared/formats'
import { ImportError } from '../errors'
import type { AnalysedArticle, AnalyseOptions } from '../text/analyse'
import { decodeText } from './decode'
import { parseDocx } from './docx'
import { parseEml } from './eml'
import { parseHtml } from './html'
import { IMAGE_MEDIA_TYPES, parseImage } from './image'
import { parseMarkdown } from './markdown'
import { parseMhtml } from './mhtml'
import { readMbox } from './mbox'
import { readWacz } from './wacz'
import { readWarc } from './warc'
import { ContainerBuilder, type ContainerResult, type RecordProgress } from './container'
import { parsePdf } from './pdf'
import { looksBinary, sniffBinary, sniffBinaryKind, type ReadableContainer } from './sniff'
import { parsePlainText } from './text'
import type { FormatResult, SourceFile } from './source'

export type { FormatResult, SourceFile } from './source'

/**
 * Most clean text one article may have (about 600,000 words, a long book). Storing, indexing and
 * fingerprinting cost memory in proportion to the text: a 47 MB text file took 2.6 GB to import.
 */
export const MAX_ARTICLE_CHARS = 4_000_000

/**
 * Decoded text past twice the article limit cannot clean down to an article (cleaning removes
 * white space and page furniture, not half the words): refused before it is split and analysed,
 * which is where a 44-million-character file spent its half gigabyte.
 */
function refuseOverlong(text: string, name: string): void {
  if (text.length > 2 * MAX_ARTICLE_CHARS) {
    throw new ImportError(
      'too-large',
      `${name} holds ${(text.length / 1e6).toFixed(1)} million characters of text; an article may have at most ${MAX_ARTICLE_CHARS / 1e6} million (split the document)`
    )
  }
}

function analysed(mediaType: string, result: AnalysedArticle, encoding?: string): FormatResult {
  return { mediaType, article: result.article, removed: result.removed, ...(encoding === undefined ? {} : { encoding }) }
}

/** What a file's bytes are, in words: a recognised binary kind, or binary or text of no known kind. */
function contentOf(file: SourceFile): string {
  return sniffBinaryKind(file.bytes) ?? (looksBinary(file.bytes.subarray(0, 4096)) ? 'unrecognised binary data' : 'text of an unknown kind')
}

function unsupported(file: SourceFile, ext: string): ImportError {
  return new ImportError('unsupported-type', `${file.name}: files of type "${ext || 'none'}" cannot be imported (content: ${contentOf(file)})`)
}

/** One format: what it is called in messages and how its files are parsed. */
interface SingleFormat {
  /** "a web page": completes "x.html is a PNG image, not …". */
  what: string
  parse(file: SourceFile, options: AnalyseOptions): FormatResult | Promise<FormatResult>
  accepts?: undefined
}

/** A format whose files hold many articles (web archives, mailboxes), read record by record. */
interface ContainerFormat {
  what: string
  mediaType: string
  /** Binary kinds (as sniffed) it reads under its own extension: a .warc.gz is gzip data. */
  accepts?: readonly string[]
  read(file: SourceFile, builder: ContainerBuilder): void | Promise<void>
}

type Format = SingleFormat | ContainerFormat

const isContainer = (format: Format): format is ContainerFormat => 'read' in format

/** A format read as decoded text: its bytes decoded, refused when overlong, then parsed. */
function textFormat(what: string, mediaType: string, parse: (text: string, name: string, options: AnalyseOptions) => AnalysedArticle): Format {
  return {
    what,
    parse(file, options) {
      const decoded = decodeText(file.bytes, file.name)
      refuseOverlong(decoded.text, file.name)
      return analysed(mediaType, parse(decoded.text, file.name, options), decoded.encoding)
    }
  }
}

const TEXT = textFormat('a text file', 'text/plain', parsePlainText)
const MARKDOWN = textFormat('a Markdown file', 'text/markdown', parseMarkdown)
const EML: Format = {
  what: 'an e-mail message',
  async parse(file, options) {
    if (looksBinary(file.bytes.subarray(0, 4096))) throw unsupported(file, '.eml')
    return analysed('message/rfc822', await parseEml(file.bytes, file.name, options))
  }
}
const PDF: Format = {
  what: 'a PDF document',
  async parse(file, options) {
    return analysed('application/pdf', await parsePdf(file.bytes, file.name, options, file.onPage))
  }
}
const DOCX: Format = {
  what: 'a Word document',
  async parse(file, options) {
    return analysed('application/vnd.openxmlformats-officedocument.wordprocessingml.document', await parseDocx(file.bytes, file.name, options))
  }
}
const htmlFormat = (mediaType: string): Format => ({
  what: 'a web page',
  parse: (file) => ({ mediaType, article: parseHtml(file.bytes, file.name, { mtime: file.mtime }) })
})
const HTML = htmlFormat('text/html')
const MHTML: Format = {
  what: 'a saved page (MHTML)',
  parse: (file) => ({ mediaType: 'multipart/related', article: parseMhtml(file.bytes, file.name, { mtime: file.mtime }) })
}

/**
 * An attachment of a message, read by the single-file format of its name; null when none reads
 * it. Images are passed over: in a mailbox they are mostly logos and signatures, and reading
 * each by OCR (seconds a page) would hold the whole mailbox for noise; a scan worth reading is
 * imported on its own.
 */
function parseAttachment(file: SourceFile): Promise<FormatResult> | null {
  const format = FORMATS[extensionOf(file.name) as ImportExtension] as Format | undefined
  return format && !isContainer(format) && format !== IMAGE ? parseSourceFile(file) : null
}

const WARC: ContainerFormat = {
  what: 'a web archive (WARC)',
  mediaType: 'application/warc',
  accepts: ['gzip archive'],
  read: (file, builder) => readWarc(file.bytes, file.name, builder, { tool: 'warc', member: null, listed: null })
}
const WACZ: ContainerFormat = {
  what: 'a web archive (WACZ)',
  mediaType: 'application/wacz',
  accepts: ['ZIP archive'],
  read: (file, builder) => readWacz(file.bytes, file.name, builder)
}
const MBOX: ContainerFormat = {
  what: 'a mailbox (mbox)',
  mediaType: 'application/mbox',
  read: (file, builder) => readMbox(file.bytes, file.name, builder, parseAttachment)
}

/**
 * A page image, read by OCR. Its bytes decide how it is decoded (a JPEG named .png is read as a
 * JPEG); bytes of no image kind OCR reads are refused with what they are.
 */
const IMAGE: Format = {
  what: 'an image',
  async parse(file, options) {
    const kind = sniffBinary(file.bytes)?.image
    if (!kind) throw new ImportError('unsupported-type', `${file.name} is not a PNG, JPEG or TIFF image (content: ${contentOf(file)})`)
    return analysed(IMAGE_MEDIA_TYPES[kind], await parseImage(file.bytes, kind, file.name, options, file.onPage))
  }
}

/** Formats by file extension. */
const FORMATS: Readonly<Record<ImportExtension, Format>> = {
  txt: TEXT,
  text: TEXT,
  md: MARKDOWN,
  markdown: MARKDOWN,
  mdown: MARKDOWN,
  mkd: MARKDOWN,
  eml: EML,
  pdf: PDF,
  docx: DOCX,
  html: HTML,
  htm: HTML,
  xhtml: htmlFormat('application/xhtml+xml'),
  mhtml: MHTML,
  mht: MHTML,
  mbox: MBOX,
  warc: WARC,
  'warc.gz': WARC,
  wacz: WACZ,
  png: IMAGE,
  jpg: IMAGE,
  jpeg: IMAGE,
  tif: IMAGE,
  tiff: IMAGE
}

/** Containers read by what they are, whatever the file is called. */
const BY_CONTENT: Record<ReadableContainer, SingleFormat> = { pdf: PDF, zip: DOCX }

/** A file's extension as the registry keys it: lower case, without the dot, two parts for `.warc.gz`. */
function extensionOf(name: string): string {
  const lower = name.toLowerCase()
  const two = /\.([a-z0-9]+\.[a-z0-9]+)$/.exec(lower)?.[1]
  if (two !== undefined && Object.hasOwn(FORMATS, two)) return two
  return extname(lower).slice(1)
}

const withArticle = (kind: string): string => `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}`

/**
 * The format that reads a file. The content decides when it is binary: a web archive reads the
 * binary kind it is made of under its own name (gzip for .warc.gz, ZIP for .wacz), a PDF or a
 * Word document is read as such under any other name, any other recognised binary kind (an image
 * named .html) is refused with what it is. Otherwise the extension decides.
 */
function formatOf(file: SourceFile, key: string): Format {
  const format: Format | undefined = Object.hasOwn(FORMATS, key) ? FORMATS[key as ImportExtension] : undefined
  const sniffed = sniffBinary(file.bytes)
  if (sniffed && format?.accepts?.includes(sniffed.kind)) return format
  if (sniffed?.reads) return BY_CONTENT[sniffed.reads]
  if (format === IMAGE) return IMAGE
  if (sniffed && format) throw new ImportError('unsupported-type', `${file.name} is ${withArticle(sniffed.kind)}, not ${format.what}`)
  if (!format) throw unsupported(file, key === '' ? '' : `.${key}`)
  return format
}

/**
 * Decodes and parses one file into an article, or throws an ImportError with a documented code:
 * `empty` (no bytes, no text, only boilerplate, a scan or image in which OCR finds no text, a
 * frameset page without text of its own), `too-large` (over MAX_FILE_BYTES, a .docx that unpacks
 * beyond its budget, an image declaring more pixels or pages than OCR reads), `unsupported-type`
 * (unknown extension, or binary content no parser reads, such as an image named .html or .txt;
 * the message names the kind), `decode-failed` (binary or undecodable bytes in a text file),
 * `parse-failed` (damaged PDF, ZIP, Word document or image, an .eml without mail headers, or any
 * other failure of a parser). A PDF or a ZIP is read by its content whatever the file is called;
 * a file named as an image is decoded as the image kind its bytes are. A container (web archive,
 * mailbox) holds many articles and is refused here as `unsupported-type`: parseImportFile reads
 * it. Every message names the file.
 */
export async function parseSourceFile(file: SourceFile): Promise<FormatResult> {
  refuseFile(file)
  const format = formatOf(file, extensionOf(file.name))
  if (isContainer(format)) {
    throw new ImportError('unsupported-type', `${file.name} is ${format.what}, which holds many articles: import it, it cannot be parsed as one`)
  }
  const result = await guarded(file, format, () => format.parse(file, { mtime: file.mtime }))
  const over = overlong(file.name, result)
  if (over) throw over
  return result
}

/**
 * Parses one file as the importer does: a single-file format yields one part (labelled ''),
 * a container (WARC, WACZ, mbox) one part per article, its failed records and the counts of
 * records that are not articles. Throws like parseSourceFile when the file as a whole fails,
 * including a container none of whose records became an article. `onRecord` is told as a
 * container's records are read.
 */
export async function parseImportFile(file: SourceFile, onRecord?: RecordProgress): Promise<ContainerResult> {
  refuseFile(file)
  const format = formatOf(file, extensionOf(file.name))
  if (!isContainer(format)) {
    const result = await parseSourceFile(file)
    return { mediaType: result.mediaType, parts: [{ label: '', result, attachedTo: null }], failed: [], passedOver: {} }
  }
  const builder = new ContainerBuilder(file.name, onRecord)
  await guarded(file, format, () => format.read(file, builder))
  const out = builder.result(format.mediaType)
  // An overlong article fails alone; attachments keep pointing at their message's new place.
  const kept: number[] = []
  for (const [i, part] of out.parts.entries()) {
    const over = overlong(`${file.name} › ${part.label}`, part.result)
    if (over) out.failed.push({ label: part.label, code: over.code, message: over.message })
    else kept.push(i)
  }
  if (kept.length < out.parts.length) {
    const at = new Map(kept.map((old, now) => [old, now]))
    out.parts = kept.map((i) => {
      const part = out.parts[i]!
      return { ...part, attachedTo: part.attachedTo === null ? null : (at.get(part.attachedTo) ?? null) }
    })
  }
  if (out.parts.length === 0) {
    const first = out.failed[0]
    if (first) {
      const more = out.failed.length > 1 ? ` (and ${out.failed.length - 1} more records failed)` : ''
      throw new ImportError(first.code, `${first.message}${more}`)
    }
    const counts = Object.entries(out.passedOver).map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`)
    throw new ImportError('empty', `${file.name} holds no article${counts.length ? ` (passed over: ${counts.join(', ')})` : ''}`)
  }
  return out
}

function refuseFile(file: SourceFile): void {
  if (file.bytes.length === 0) throw new ImportError('empty', `${file.name} is empty (0 bytes)`)
  if (file.bytes.length > MAX_FILE_BYTES) {
    throw new ImportError('too-large', `${file.name} is ${file.bytes.length} bytes; the limit is ${MAX_FILE_BYTES}`)
  }
}

function overlong(name: string, result: FormatResult): ImportError | null {
  const chars = result.article.paragraphs.reduce((n, p) => n + p.text.length, 0)
  if (chars <= MAX_ARTICLE_CHARS) return null
  return new ImportError(
    'too-large',
    `${name} holds ${(chars / 1e6).toFixed(1)} million characters of text; an article may have at most ${MAX_ARTICLE_CHARS / 1e6} million (split the document)`
  )
}

async function guarded<T>(file: SourceFile, format: Format, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (err instanceof ImportError) throw err
    // A parser's own failure (a TypeError on a frameset page, a stack overflow) is still this
    // file's failure: say so in a sentence, keeping the parser's words for whoever debugs it.
    throw new ImportError('parse-failed', `${file.name} could not be read as ${format.what}: its parser failed (${(err as Error).message ?? String(err)})`)
  }
}
