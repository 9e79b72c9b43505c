/**
 * How an article is named to a person: in messages, reports, refusals, lists and citations.
 * One rule for the source slot, so the Library, search, the Reader, citations and exports never
 * disagree about an article whose outlet is unknown. Pure.
 */
import { quoted } from './listing'
import { publishedLabel } from './published'
import type { PublishedDate } from './types'

/** What naming an article needs; every article shape the app passes around has these. */
export interface NamedArticle {
  title: string
  outlet: string | null
  byline?: string | null
  url?: string | null
  published: PublishedDate | null
}

/** Shown in the source slot when neither outlet, address nor byline is known. */
export const NO_SOURCE = '—'

/** The host of an http(s) address without "www.", or null when there is no usable one. */
export function urlHost(url: string | null | undefined): string | null {
  if (!url?.trim()) return null
  try {
    const u = new URL(url.trim())
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
    return u.hostname.replace(/^www\./i, '') || null
  } catch {
    return null
  }
}

/**
 * Who published it: the outlet, else the host name of its address; null when neither is known.
 * The file name never stands in: it says where the copy came from, not who wrote it.
 */
export function publisherName(a: Pick<NamedArticle, 'outlet' | 'url'>): string | null {
  return a.outlet?.trim() || urlHost(a.url)
}

/** The source slot of a row or citation: the publisher, else the byline, else "—". */
export function sourceLabel(a: Pick<NamedArticle, 'outlet' | 'url' | 'byline'>): string {
  return publisherName(a) ?? (a.byline?.trim() || NO_SOURCE)
}

/**
 * “Title” (source, date): an article named in running prose, e.g. a message or report line. In
 * prose an unknown source is left out rather than shown as a dash: “Title” (undated).
 */
export function articleLabel(a: NamedArticle): string {
  const source = sourceLabel(a)
  const parts = source === NO_SOURCE ? [publishedLabel(a.published)] : [source, publishedLabel(a.published)]
  return `${quoted(a.title.trim() || 'Untitled')} (${parts.join(', ')})`
}
