/** Footnotes that stand alone: one per distinct cited passage, numbered in order of first use. */
import type { CitedArticle, Citation } from '../../shared/chronology'
import { captureClause } from '../../shared/capture'
import { publisherName } from '../../shared/article-label'
import { humanizeEdtfString } from '../../shared/edtf'
import { mdInline } from './markdown-escape'

/** Same article and same offsets: the same passage, so the same footnote. */
export function passageKey(c: Pick<Citation, 'articleId' | 'anchor'>): string {
  return `${c.articleId}:${c.anchor.start}-${c.anchor.end}`
}

/** The app link that opens the article in the Reader at the passage. */
export function annalistLink(c: Pick<Citation, 'articleId' | 'anchor'>): string {
  return `annalist://article/${c.articleId}#${c.anchor.start}-${c.anchor.end}`
}

/** Where in the article a reader finds the passage: the page of a PDF, else the paragraph. */
export function locator(c: Pick<Citation, 'page' | 'paragraph'>): string | null {
  if (c.page !== null) return `p. ${c.page}`
  if (c.paragraph !== null) return `para. ${c.paragraph}`
  return null
}

const SAFE_URL = /^https?:\/\/[^\s<>"`\\]+$/i

/** An article's public address as an autolink when it is a plain http(s) URL, else escaped text. */
export function mdUrl(url: string): string {
  const trimmed = url.trim()
  return SAFE_URL.test(trimmed) ? `<${trimmed}>` : mdInline(trimmed)
}

/**
 * "TASS, “Title”, By A. Writer, 1 September 2021": who published what, when. Without an outlet
 * the address's host stands in (the app's rule); the byline has its own place.
 */
export function articleReference(a: CitedArticle): string {
  const publisher = publisherName(a)
  const parts = [
    publisher ? mdInline(publisher) : null,
    `“${mdInline(a.title) || 'Untitled'}”`,
    a.byline?.trim() ? mdInline(a.byline) : null,
    a.published ? humanizeEdtfString(a.published.edtf) : 'undated'
  ]
  return parts.filter((p): p is string => p !== null).join(', ')
}

export interface FootnoteOptions {
  quotes: boolean
  links: boolean
}

/**
 * The footnote text (without its `[^n]: ` label) for a cited passage; `notes` are the distinct
 * notes of every citation of that passage (default: the citation's own).
 */
export function footnoteText(c: Citation, options: FootnoteOptions, notes: string[] = c.note?.trim() ? [c.note] : []): string {
  const where = locator(c)
  let text = articleReference(c.article) + (where ? `, ${where}` : '')
  if (options.quotes) {
    const quote = mdInline(c.anchor.exact)
    // A quote that ends its own sentence needs no second full stop after the closing mark.
    text += `: “${quote}”${/[.!?…]$/.test(quote) ? '' : '.'}`
  } else text += '.'
  if (c.orphaned) text += ' The passage can no longer be found in the archived text of the article.'
  if (notes.length) text += ` Note: ${notes.map(mdInline).join(' / ')}`
  const capture = c.article.capture ? captureClause(c.article.capture, mdUrl) : null
  // The capture names its address; the article's own is printed too only when it differs.
  if (c.article.url?.trim() && c.article.url.trim() !== c.article.capture?.url) text += ` ${mdUrl(c.article.url)}`
  if (capture) text += ` ${capture[0]!.toUpperCase()}${capture.slice(1)}.`
  if (options.links) text += ` [Open in Annalist](${annalistLink(c)})`
  return text
}

export interface FootnoteEntry {
  label: number
  /** The first citation of the passage; the others differ only in event, stance and note. */
  citation: Citation
  /** Distinct notes of all citations of the passage, in order of first use. */
  notes: string[]
}

/** Numbers passages in order of first reference and gathers the notes of every citation of each. */
export class FootnoteRegistry {
  private readonly byKey = new Map<string, FootnoteEntry>()

  /** The footnote label for a citation, reusing the label of an earlier citation of the same passage. */
  label(c: Citation): number {
    const key = passageKey(c)
    let entry = this.byKey.get(key)
    if (!entry) {
      entry = { label: this.byKey.size + 1, citation: c, notes: [] }
      this.byKey.set(key, entry)
    }
    const note = c.note?.trim()
    if (note && !entry.notes.includes(note)) entry.notes.push(note)
    return entry.label
  }

  /** Every footnote in label order. */
  entries(): FootnoteEntry[] {
    return [...this.byKey.values()]
  }
}
