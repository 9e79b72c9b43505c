/** CSL-JSON for the cited articles, so Zotero or Pandoc's citeproc can format the bibliography. */
import type { CitedArticle } from '../../shared/chronology'
import { isYearUnknown, tryParseEdtf, type EdtfDate } from '../../shared/edtf'
import { citedArticles } from './json'
import { resolveOptions, type ExportInput } from './model'

export type CslName = { family: string; given: string } | { literal: string }

/** A CSL date: `date-parts` as precise as known, `circa` for approximate or uncertain dates. */
export interface CslDate {
  'date-parts': number[][]
  circa?: boolean
}

export interface CslItem {
  id: string
  type: 'article-newspaper'
  title: string
  'container-title'?: string
  author?: CslName[]
  issued?: CslDate
  URL?: string
  /** When the archived copy was captured: what CSL calls the date a web source was accessed. */
  accessed?: CslDate
  language?: string
}

// Bylines that name a desk or an agency rather than a person stay literal.
const NOT_A_PERSON = /\b(staff|reporter|reporters|correspondent|correspondents|editor|editors|desk|news|agency|bureau|team|service)\b/i
// Lower-case name particles that belong with the family name ("van Dyke", "al-Assad" style names).
const PARTICLES = new Set(['al', 'el', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'ter'])

function person(name: string): CslName {
  const words = name.split(/\s+/).filter(Boolean)
  const plausible = words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{L}[\p{L}\p{M}’'.-]*$/u.test(w))
  if (!plausible || NOT_A_PERSON.test(name)) return { literal: name }
  let split = words.length - 1
  while (split > 1 && PARTICLES.has(words[split - 1]!.toLowerCase())) split--
  return { family: words.slice(split).join(' '), given: words.slice(0, split).join(' ') }
}

/** Authors from a free-text byline: "By A. Writer and B. Other" → two names; agencies stay literal. */
export function bylineAuthors(byline: string): CslName[] {
  const cleaned = byline.trim().replace(/^(by|от|بقلم)\s+/iu, '')
  if (!cleaned) return []
  return cleaned
    .split(/\s*[,;&]\s*|\s+(?:and|и|و)\s+/iu)
    .map((n) => n.trim())
    .filter(Boolean)
    .map(person)
}

function cslDate(d: EdtfDate): CslDate {
  const parts = [d.year, d.month, d.day].filter((p): p is number => p !== null)
  return d.approximate || d.uncertain ? { 'date-parts': [parts], circa: true } : { 'date-parts': [parts] }
}

/** The CSL item of one archived article; `id` is stable for the article within its archive. */
export function cslItem(a: CitedArticle): CslItem {
  const item: CslItem = { id: `annalist-article-${a.id}`, type: 'article-newspaper', title: a.title }
  if (a.outlet?.trim()) item['container-title'] = a.outlet.trim()
  const authors = a.byline ? bylineAuthors(a.byline) : []
  if (authors.length) item.author = authors
  const published = a.published ? tryParseEdtf(a.published.edtf) : null
  const date = published?.type === 'date' ? published : published?.type === 'interval' && published.start.type === 'date' ? published.start : null
  // A date without a year is no CSL date: the reference reads "n.d." rather than a made-up year.
  if (date && !isYearUnknown(date)) item.issued = cslDate(date)
  const url = a.url?.trim() || a.capture?.url?.trim()
  if (url) item.URL = url
  const captured = /^(\d{4})-(\d{2})-(\d{2})T/.exec(a.capture?.capturedAt ?? '')
  if (captured) item.accessed = { 'date-parts': [[Number(captured[1]), Number(captured[2]), Number(captured[3])]] }
  if (a.language?.trim()) item.language = a.language.trim()
  return item
}

/** Renders the cited articles as a CSL-JSON array sorted by article id. */
export function renderCsl(input: ExportInput): string {
  const o = resolveOptions(input)
  return JSON.stringify(citedArticles(input.events, o).map(cslItem), null, 2) + '\n'
}
