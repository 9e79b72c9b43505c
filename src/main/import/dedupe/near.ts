import type { Db } from '../../archive/db'
import { prepared } from '../../archive/statements'
import { paragraphsMatch, shingleSet } from './shingles'

/** A fingerprint carried by more paragraphs than this is a stock phrase, not evidence of reuse. */
const COMMON_FINGERPRINT = 64

/** A stored paragraph of the new article with what reuse detection needs. */
export interface IndexedParagraph {
  ordinal: number
  text: string
  fingerprints: readonly number[]
  /** Its key in the outlet's repetition memory (short paragraphs only). */
  boilerplateKey: number | null
}

/** An earlier article sharing paragraphs with the new one. */
export interface NearDuplicate {
  otherId: number
  sharedParagraphs: number
}

/**
 * Finds earlier articles that share paragraphs with this one, records the links both ways and
 * indexes this article's fingerprints for later imports. Candidates come from an indexed lookup
 * of sampled fingerprints; each candidate paragraph pair is then verified on its exact shingles.
 * `sharedParagraphs` counts matching paragraph pairs, so it reads the same from either side.
 * Call inside the article's transaction.
 */
export function linkNearDuplicates(
  db: Db,
  articleId: number,
  outletKey: string | null,
  paragraphs: readonly IndexedParagraph[]
): NearDuplicate[] {
  // Two statements for all fingerprints at once: capped occurrence counts, then the rows of the
  // fingerprints rare enough to be evidence. The article's own rows are not indexed yet.
  const all = [...new Set(paragraphs.flatMap((p) => p.fingerprints))]
  const counts = prepared<[number, string], { hash: number; n: number }>(
    db,
    `SELECT j.value AS hash,
       (SELECT count(*) FROM (SELECT 1 FROM paragraph_fingerprints f WHERE f.hash = j.value LIMIT ?)) AS n
     FROM json_each(?) j`
  ).all(COMMON_FINGERPRINT + 1, JSON.stringify(all))
  const evidence = counts.filter((c) => c.n > 0 && c.n <= COMMON_FINGERPRINT).map((c) => c.hash)
  const owners = new Map<number, { article_id: number; ordinal: number }[]>()
  if (evidence.length > 0) {
    const rows = prepared<[string], { hash: number; article_id: number; ordinal: number }>(
      db,
      'SELECT hash, article_id, ordinal FROM paragraph_fingerprints WHERE hash IN (SELECT value FROM json_each(?))'
    ).all(JSON.stringify(evidence))
    for (const r of rows) {
      let list = owners.get(r.hash)
      if (!list) owners.set(r.hash, (list = []))
      list.push(r)
    }
  }
  // other article -> "otherOrdinal:ownOrdinal" candidate pairs
  const candidates = new Map<number, Set<string>>()
  for (const p of paragraphs) {
    for (const h of p.fingerprints) {
      for (const r of owners.get(h) ?? []) {
        if (r.article_id === articleId) continue
        let pairs = candidates.get(r.article_id)
        if (!pairs) candidates.set(r.article_id, (pairs = new Set()))
        pairs.add(`${r.ordinal}:${p.ordinal}`)
      }
    }
  }
  const found: NearDuplicate[] = []
  if (candidates.size > 0) {
    const otherText = prepared<[number, number], { text: string }>(
      db,
      'SELECT text FROM paragraphs WHERE article_id = ? AND ordinal = ?'
    )
    const own = new Map(paragraphs.map((p) => [p.ordinal, p]))
    // A short paragraph repeated verbatim by the same outlet is its boilerplate in the making
    // (a footer not yet seen often enough to be dropped), not wire copy.
    const repeated = prepared<[string, number, number], { one: number }>(
      db,
      'SELECT 1 AS one FROM outlet_paragraphs WHERE outlet_key = ? AND hash = ? AND article_id = ?'
    )
    const sameOutletRepeat = (key: number | null, otherId: number): boolean =>
      outletKey !== null && key !== null && repeated.get(outletKey, key, otherId) !== undefined
    const ownSets = new Map<number, Set<number>>()
    const ownSet = (ordinal: number): Set<number> => {
      let s = ownSets.get(ordinal)
      if (!s) ownSets.set(ordinal, (s = shingleSet(own.get(ordinal)!.text)))
      return s
    }
    for (const [otherId, pairs] of candidates) {
      const otherSets = new Map<number, Set<number>>()
      let shared = 0
      for (const pair of pairs) {
        const [otherOrdinal, ownOrdinal] = pair.split(':').map(Number) as [number, number]
        let theirs = otherSets.get(otherOrdinal)
        if (!theirs) {
          const row = otherText.get(otherId, otherOrdinal)
          if (!row) continue
          otherSets.set(otherOrdinal, (theirs = shingleSet(row.text)))
        }
        if (sameOutletRepeat(own.get(ownOrdinal)!.boilerplateKey, otherId)) continue
        if (paragraphsMatch(ownSet(ownOrdinal), theirs)) shared++
      }
      if (shared > 0) found.push({ otherId, sharedParagraphs: shared })
    }
  }
  const link = prepared(
    db,
    'INSERT OR REPLACE INTO near_duplicates (article_id, other_id, shared_paragraphs) VALUES (?, ?, ?)'
  )
  for (const n of found) {
    link.run(articleId, n.otherId, n.sharedParagraphs)
    link.run(n.otherId, articleId, n.sharedParagraphs)
  }
  const rows = paragraphs.flatMap((p) => p.fingerprints.map((h) => [h, p.ordinal]))
  if (rows.length > 0) {
    prepared(
      db,
      `INSERT OR IGNORE INTO paragraph_fingerprints (hash, article_id, ordinal)
       SELECT value ->> 0, ?, value ->> 1 FROM json_each(?)`
    ).run(articleId, JSON.stringify(rows))
  }
  return found.sort((a, b) => b.sharedParagraphs - a.sharedParagraphs || a.otherId - b.otherId)
}
