import type { ParsedArticle } from '../../archive/parsed-article'
import type { CaptureProvenance } from '../../../shared/types'
import { ImportError } from '../errors'
import { decodeHtml } from '../html/decode'
import { parseDocument, type DomDocument } from '../html/dom'
import { checkDepth, checkMarkup } from '../html/guard'
import { captureStamp, captureTime, singleFileCapture } from '../html/capture'
import { readMetadata, squash } from '../html/metadata'
import { sameWords } from '../html/blocks'
import { extractBody } from '../html/extract'
import { withoutFrameset } from '../html/frameset'
import { parseDateline } from '../text/dateline'
import { detectLanguage } from '../text/language'
import { inferPublished } from '../text/published'

export interface HtmlParseOptions {
  /** File modification time: the article cannot be newer, and it anchors a year-less dateline. */
  mtime?: Date | null
  /** Clock standing in for a missing mtime; defaults to the current time. */
  now?: Date
  /** Capture time known from outside the page (an MHTML or WARC header); else read from the page. */
  captured?: Date | null
  /** Title of a page that names none (default: the file name without its extension), e.g. a WARC record's URI. */
  untitled?: string
}

function nonEmpty(s: string | null | undefined): s is string {
  return typeof s === 'string' && s.trim() !== ''
}

/** "Headline | Outlet" → "Headline" when the last segment names the outlet. */
function stripSiteName(title: string, outlet: string | null): string {
  const m = /^(.+)\s+[|–—•·:-]\s+([^|–—•·]+)$/u.exec(title)
  if (!m || !outlet) return title
  const last = m[2]!.trim().toLowerCase()
  const name = outlet.toLowerCase()
  return last.includes(name) || (last.length >= 3 && name.includes(last)) ? m[1]!.trim() : title
}

/**
 * Turns a saved web page into an article: clean body paragraphs plus title, dek, byline, outlet,
 * canonical URL, publication date and language from the page's metadata. Bytes are decoded by
 * BOM, declared charset, then detection. Never runs scripts or fetches anything.
 */
export function parseHtml(input: string | Uint8Array, fileName: string, options: HtmlParseOptions = {}): ParsedArticle {
  const html = typeof input === 'string' ? input : decodeHtml(input).text
  checkMarkup(html, fileName)
  let doc: DomDocument
  try {
    doc = parseDocument(html)
  } catch (err) {
    throw new ImportError('parse-failed', `${fileName}: the HTML could not be parsed (${(err as Error).message})`)
  }
  checkDepth(doc, fileName)
  doc = withoutFrameset(doc, html, fileName)
  const meta = readMetadata(doc)
  let body
  try {
    body = extractBody(doc, meta.dek, meta.ldBody)
  } catch (err) {
    if (err instanceof ImportError) throw err
    throw new ImportError('parse-failed', `${fileName} could not be read: the article extractor failed on this page (${(err as Error).message})`)
  }
  const outlet = meta.outlet ?? (nonEmpty(body.readabilitySiteName) ? squash(body.readabilitySiteName!) : null)
  const rawTitle = [meta.title, body.readabilityTitle, meta.heading, meta.documentTitle].find(nonEmpty) ?? options.untitled ?? fileName.replace(/\.[^.]+$/, '')
  const title = stripSiteName(squash(rawTitle), outlet).slice(0, 500)
  const dek = meta.dek && !sameWords(meta.dek, title) ? meta.dek : null
  // The headline often survives extraction as the first block; it belongs in the title only.
  const paragraphs = body.paragraphs.slice(0, 2).some((p) => sameWords(p, title))
    ? body.paragraphs.filter((p, i) => i > 1 || !sameWords(p, title))
    : body.paragraphs
  if (paragraphs.length === 0) {
    throw new ImportError('empty', `${fileName}: no article text found in the page`)
  }
  const lead = paragraphs[0]!
  const dateline = parseDateline(lead)
  const text = paragraphs.join('\n\n')
  // Pages without date metadata fall back on the dateline and the text, as plain-text files do.
  const captured = options.captured ?? captureTime(html, meta.url)
  const singleFile = singleFileProvenance(html)
  const evidence = { text, mtime: options.mtime ?? null, now: options.now ?? new Date(), captured }
  const datelineDay = dateline && dateline.month !== null && dateline.day !== null ? { month: dateline.month, day: dateline.day, year: dateline.year } : null
  const published = meta.published ?? inferPublished({ ...evidence, dateline: datelineDay })
  return {
    title,
    dek,
    outlet,
    byline: meta.byline ?? (nonEmpty(body.readabilityByline) ? squash(body.readabilityByline) : null),
    place: dateline?.place ?? null,
    url: meta.url ?? singleFile?.url ?? null,
    published,
    language: meta.language ?? detectLanguage(`${title}\n${text}`),
    paragraphs: paragraphs.map((text) => ({ text, page: null })),
    capture: singleFile
  }
}

/** SingleFile's header as capture provenance; a page it did not save has none of its own. */
function singleFileProvenance(html: string): CaptureProvenance | null {
  const header = singleFileCapture(html)
  if (!header) return null
  return { tool: 'singlefile', url: header.url, capturedAt: captureStamp(header.saved), software: 'SingleFile', member: null, offset: null }
}
