import type { Db } from '../../archive/db'
import { prepared } from '../../archive/statements'

/** A short paragraph seen in this many articles of one outlet is boilerplate from then on. */
export const BOILERPLATE_MIN_ARTICLES = 3

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

/** Which paragraph keys already count as boilerplate for this outlet. */
export function knownBoilerplate(db: Db, key: string, hashes: readonly (number | null)[]): Set<number> {
  const count = prepared<[string, number, number], { n: number }>(
    db,
    'SELECT count(*) AS n FROM (SELECT 1 FROM outlet_paragraphs WHERE outlet_key = ? AND hash = ? LIMIT ?)'
  )
  const out = new Set<number>()
  for (const h of hashes) {
    if (h === null || out.has(h)) continue
    // This article would be the BOILERPLATE_MIN_ARTICLES-th one carrying the paragraph.
    if (count.get(key, h, BOILERPLATE_MIN_ARTICLES - 1)!.n >= BOILERPLATE_MIN_ARTICLES - 1) out.add(h)
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
