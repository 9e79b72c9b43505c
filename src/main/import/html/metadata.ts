import type { PublishedDate } from '../../../shared/types'
import type { DomDocument, DomElement } from './dom'
import { metaDate } from './dates'
import { ldNames, ldString, readJsonLd, deref, type JsonLd } from './jsonld'
import { PageElements } from './page-elements'

/** Everything about a page except its body text, read from meta tags, JSON-LD and markup. */
export interface HtmlMetadata {
  title: string | null
  /** Title as the browser tab shows it (often with the site name appended). */
  documentTitle: string | null
  /** Text of the page's first <h1>. */
  heading: string | null
  dek: string | null
  description: string | null
  byline: string | null
  outlet: string | null
  url: string | null
  published: PublishedDate | null
  language: string | null
  /** The article text the publisher put in JSON-LD, when present (used to check the extraction). */
  ldBody: string | null
}

export function squash(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, ' ').trim()
}

/** Meta tags keyed by lower-cased property/name/itemprop; the first occurrence wins. */
function readMeta(page: PageElements): Map<string, string> {
  const meta = new Map<string, string>()
  for (const el of page.all('meta')) {
    const content = el.getAttribute('content')
    if (content === null || content.trim() === '') continue
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      // itemprop may list several properties: "datePublished dateCreated".
      for (const key of (el.getAttribute(attr) ?? '').trim().toLowerCase().split(/\s+/)) {
        if (key && !meta.has(key)) meta.set(key, squash(content))
      }
    }
  }
  return meta
}

function first(meta: Map<string, string>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k)
    if (v) return v
  }
  return null
}

const DATE_KEYS = [
  'article:published_time', 'article:published', 'og:published_time', 'og:article:published_time', 'datepublished',
  'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dc.date', 'dcterms.issued', 'dcterms.created',
  'dcterms.date', 'publish-date', 'publishdate', 'pubdate', 'article.published', 'date', 'cxenseparse:recs:publishtime'
] as const
const OTHER_DATE_KEY = /(publish|pub|post)(ed)?[-_.:]?(date|time)|date[-_.:]?(publish|pub|post)/
const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'twitter:creator'] as const

function published(page: PageElements, meta: Map<string, string>, ld: JsonLd): PublishedDate | null {
  const fromLd = ldString(ld.article, 'datePublished') ?? ldString(ld.article, 'dateCreated')
  const candidates = [fromLd, ...DATE_KEYS.map((k) => meta.get(k) ?? null)]
  // Site-specific names still tend to say "publish" or "post" and "date" or "time".
  for (const [key, value] of meta) if (OTHER_DATE_KEY.test(key) && !/modif|updat/.test(key)) candidates.push(value)
  const itemprop = page.firstAttributed('[itemprop="datePublished"]')
  if (itemprop) candidates.push(itemprop.getAttribute('content') ?? itemprop.getAttribute('datetime'))
  const time = page.first('time', 'time[pubdate][datetime], article time[datetime], time[datetime]')
  if (time) candidates.push(time.getAttribute('datetime'))
  for (const c of candidates) {
    const d = c ? metaDate(c) : null
    if (d) return d
  }
  return null
}

function cleanByline(raw: string): string | null {
  const s = squash(raw).replace(/^(by|written by|posted by|von|par|por|автор:?)\s+/i, '').replace(/\s*[|•·]\s*$/, '')
  if (s === '' || s.length > 200 || /^https?:\/\//i.test(s) || /^@/.test(s) && !s.includes(' ')) return null
  return s
}

function byline(page: PageElements, meta: Map<string, string>, ld: JsonLd): string | null {
  const names = [...new Set(ldNames(ld.article?.author, ld))]
  if (names.length > 0) return cleanByline(names.join(', '))
  const fromMeta = first(meta, AUTHOR_KEYS.filter((k) => k !== 'twitter:creator'))
  if (fromMeta && cleanByline(fromMeta)) return cleanByline(fromMeta)
  const el = page.firstAttributed('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], .byline, .author-name')
  return el ? cleanByline(el.textContent ?? '') : null
}

function absoluteUrl(raw: string | null): string | null {
  if (!raw) return null
  try {
    const u = new URL(raw.trim())
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch {
    return null
  }
}

function canonicalUrl(page: PageElements, meta: Map<string, string>, ld: JsonLd): string | null {
  const link = page.first('link', 'link[rel="canonical"]')?.getAttribute('href') ?? null
  const main = deref(ld.article?.mainEntityOfPage, ld)
  const mainUrl = typeof main === 'string' ? main : main && typeof main === 'object' ? ldString(main as Record<string, unknown>, '@id') : null
  return absoluteUrl(link) ?? absoluteUrl(meta.get('og:url') ?? null) ?? absoluteUrl(ldString(ld.article, 'url')) ?? absoluteUrl(mainUrl)
}

/** `en_US`, `EN-us`, `en` → `en-US`, `en`; anything that is not a language tag → null. */
export function normaliseLanguage(raw: string | null | undefined): string | null {
  if (!raw) return null
  const m = /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}|\d{3}))?\b/.exec(raw.trim())
  if (!m) return null
  return m[2] ? `${m[1]!.toLowerCase()}-${m[2].toUpperCase()}` : m[1]!.toLowerCase()
}

function hostName(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '')
}

function outletName(meta: Map<string, string>, ld: JsonLd, url: string | null): string | null {
  const named =
    first(meta, ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'publisher', 'dc.publisher']) ??
    ldNames(ld.article?.publisher, ld)[0] ??
    null
  // Some sites put their address where their name belongs.
  const asUrl = named ? absoluteUrl(named) : null
  if (named && !asUrl) return named
  if (asUrl) return hostName(asUrl)
  if (url) return hostName(url)
  // A Twitter handle is the weakest hint of all, but better than nothing.
  return meta.get('twitter:site')?.replace(/^@/, '') || null
}

const DEK_SELECTOR =
  '[itemprop="alternativeHeadline"], [class*="standfirst"], [class*="dek"], [class*="subtitle"], [class*="subheadline"], [class*="sub-headline"], [class*="strapline"], h2[class*="summary"], p[class*="summary"], [class*="article-summary"], [class*="lede"]'

/** The subtitle: JSON-LD alternativeHeadline, else a dek-like element next to the page's <h1>. */
function dekText(h1: DomElement | null, ld: JsonLd): string | null {
  const alt = ldString(ld.article, 'alternativeHeadline')
  if (alt) return squash(alt)
  // Dek-like class names also mark teaser widgets; only one beside the headline is the dek.
  let el: DomElement | null = null
  for (let scope = h1?.parentElement ?? null, hops = 0; scope && !el && hops < 2; scope = scope.parentElement, hops++) {
    if (/^(body|html)$/i.test(scope.localName)) break
    el = scope.querySelector(DEK_SELECTOR)
  }
  const text = el ? squash(el.textContent ?? '') : ''
  // A widget title ("Most Popular Today") is a label, not a sentence about the story.
  return text.split(' ').length >= 5 && text.length <= 400 ? text : null
}

/** Reads title, dek, byline, outlet, URL, date and language from a parsed page (before Readability touches it). */
export function readMetadata(doc: DomDocument): HtmlMetadata {
  const page = new PageElements(doc)
  const meta = readMeta(page)
  const ld = readJsonLd(page)
  const url = canonicalUrl(page, meta, ld)
  const titleEl = page.first('title')
  const documentTitle = titleEl ? squash(titleEl.textContent ?? '') || null : null
  const h1 = page.first('h1')
  const heading = h1 ? squash(h1.textContent ?? '').slice(0, 500) || null : null
  const title = ldString(ld.article, 'headline') ?? first(meta, ['og:title', 'twitter:title', 'dc.title', 'headline']) ?? null
  const ldBody = ldString(ld.article, 'articleBody')
  return {
    title: title ? squash(title) : null,
    documentTitle,
    heading,
    dek: dekText(h1, ld),
    description: first(meta, ['og:description', 'description', 'twitter:description', 'dc.description']),
    byline: byline(page, meta, ld),
    outlet: outletName(meta, ld, url),
    url,
    published: published(page, meta, ld),
    language:
      normaliseLanguage(doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang')) ??
      normaliseLanguage(meta.get('og:locale')) ??
      normaliseLanguage(meta.get('content-language')) ??
      normaliseLanguage(ldString(ld.article, 'inLanguage')),
    ldBody: ldBody ? ldBody : null
  }
}
