import type { Db } from '../../archive/db'
import { prepared } from '../../archive/statements'
import type { LineShape } from './line-shape'

/**
 * A short paragraph seen in this many articles of one outlet is boilerplate from then on,
 * by its shape. Furniture (share bars, pitches, copyright lines) is learned on its third
 * article. Copy (a sentence of news with a quotation, number or name) is what an agency repeats
 * across a few dispatches on one story and a researcher must see linked; only a line carried by
 * many of the outlet's articles (an "about us" paragraph) is a fixture of the outlet instead.
 */
export const BOILERPLATE_MIN_ARTICLES: Readonly<Record<LineShape, number>> = { furniture: 3, copy: 10 }

/** A short paragraph of the new article as the repetition memory sees it. */
export interface MemoryLine {
  /** Key in the repetition memory (see `boilerplateKey`); null for long paragraphs. */
  key: number | null
  shape: LineShape
}

/**
 * The key the repetition memory is kept under: the outlet (through its aliases, so "ТАСС" and
 * "TASS" agree), else the host of the article's URL; null when neither is known.
 */
export function outletKey(db: Db, outlet: string | null, url: string | null): string | null {
  const name = outlet?.trim()
  if (name) {
    const canonical = prepared<[string], { name: string }>(
      db,
      'SELECT s.name FROM source_aliases a JOIN sources s ON s.id = a.source_id WHERE a.alias = ?'
    ).get(name)?.name
    return `outlet:${(canonical ?? name).toLowerCase()}`
  }
  if (url) {
    try {
      const host = new URL(url).hostname.replace(/^www\./, '').toLowerCase()
      if (host) return `host:${host}`
    } catch {
      // Not a URL: no key.
    }
  }
  return null
}

/** Which paragraph keys count as boilerplate for this outlet once this article carries them too. */
export function knownBoilerplate(db: Db, key: string, lines: readonly MemoryLine[]): Set<number> {
  const count = prepared<[string, number, number], { n: number }>(
    db,
    'SELECT count(*) AS n FROM (SELECT 1 FROM outlet_paragraphs WHERE outlet_key = ? AND hash = ? LIMIT ?)'
  )
  const out = new Set<number>()
  for (const { key: h, shape } of lines) {
    if (h === null || out.has(h)) continue
    // This article would be the BOILERPLATE_MIN_ARTICLES-th one carrying the paragraph.
    const earlier = BOILERPLATE_MIN_ARTICLES[shape] - 1
    if (count.get(key, h, earlier)!.n >= earlier) out.add(h)
  }
  return out
}

/** Remembers the short paragraphs of an article (dropped ones included) for its outlet. */
export function rememberParagraphs(db: Db, key: string, articleId: number, hashes: readonly (number | null)[]): void {
  const insert = prepared(
    db,
    'INSERT OR IGNORE INTO outlet_paragraphs (outlet_key, hash, article_id) VALUES (?, ?, ?)'
  )
  for (const h of hashes) if (h !== null) insert.run(key, h, articleId)
}
