import type { Db } from '../../archive/db'
import { prepared } from '../../archive/statements'
import { fingerprintCounts, fingerprintRows, storeFingerprints } from '../../archive/repo/fingerprints'
import { paragraphsMatch, shingleSet, SHORT_PARAGRAPH_CHARS, type ParagraphFingerprints } from '../../text/shingles'
import { candidateParagraphs } from '../../archive/repo/paragraph-text'
import { linkSharedParagraphs } from '../../archive/repo/shared-paragraphs'
import type { SharedParagraph } from '../../../shared/types'

/** A fingerprint carried by more paragraphs than this is a stock phrase, not evidence of reuse. */
const COMMON_FINGERPRINT = 64

/**
 * A pair of paragraphs found by one rare fingerprint is verified only when one of them is short
 * (SHORT_PARAGRAPH_CHARS, about 25 words), or when the new paragraph carries ONE_FINGERPRINT_COMMON
 * common fingerprints or more. Copy longer than that shares a fingerprint for every six words or
 * so; two long paragraphs sharing just one share a stock four-word phrase. At 110,000 generated
 * articles 114 of the 142 pairs an article brought shared one fingerprint, none of them a match,
 * and verifying each read a stored article's text. But wire copy that many outlets ran is made of
 * common fingerprints, which are not looked up: a copy of it can be found by one rare fingerprint
 * alone (142 pairs in 3,000 articles, each new paragraph with six common fingerprints or more).
 * Measured on paragraphs of that corpus copied with edits, the matches this leaves out are heavily
 * rewritten ones: with one word in six replaced, 78 of 3,000 (2.6 %); with two to eight words
 * replaced, or a word in eight, none. A short paragraph (a quote, a twelve-word lead) still
 * matches on one fingerprint. One common fingerprint is a stock phrase (22 of those pairs per
 * article).
 */
export const ONE_FINGERPRINT_COMMON = 2

/**
 * Work one article may cost near-duplicate matching, which runs inside the import's commit on
 * the thread that answers calls: a crafted 3.5 MB file (40,000 paragraphs, each sharing a wire
 * paragraph with 60 stored stories) took 22 s unbounded. Counted, not timed, so the outcome
 * never depends on machine load.
 */
export const NEAR_LIMITS = {
  /**
   * Fingerprints looked up and stored per article, in paragraph order: about 85,000 words, far
   * beyond a news story. Paragraphs past it take no part in reuse detection.
   */
  maxFingerprints: 25_000,
  /** Index rows of rare fingerprints read per article (each names one earlier paragraph). */
  maxRows: 50_000,
  /** Paragraph pairs verified per article; candidates are taken in paragraph order. */
  maxPairs: 5_000,
  /** Characters of each paragraph compared when verifying a pair (a very long paragraph is compared on its start). */
  maxVerifyChars: 20_000
} as const

/** What matching one article cost, for tests and benchmarks. */
export interface NearWork {
  fingerprints: number
  rows: number
  pairs: number
  /** Of those, pairs whose words keys agree, decided without the other paragraph's text. */
  verbatim: number
  /** Characters read to build verification shingles. */
  chars: number
}

/** The paragraphs whose fingerprints fit the per-article budget, and those fingerprints. */
function withinBudget(paragraphs: readonly IndexedParagraph[]): IndexedParagraph[] {
  const kept: IndexedParagraph[] = []
  let total = 0
  for (const p of paragraphs) {
    if (total + p.fingerprints.lookup.length > NEAR_LIMITS.maxFingerprints) break
    total += p.fingerprints.lookup.length
    kept.push(p)
  }
  return kept
}

/** A stored paragraph of the new article with what reuse detection needs. */
export interface IndexedParagraph {
  ordinal: number
  text: string
  fingerprints: ParagraphFingerprints
  /** The key of its words (`text/shingles.ts` `wordsKey`), as stored with it. */
  wordsKey: number
  /**
   * Its key in the outlet's repetition memory when it is a short line shaped like site furniture
   * (see line-shape.ts); null otherwise. Such a line repeated by the same outlet is boilerplate
   * in the making, not shared copy, so it never links two articles of that outlet.
   */
  furnitureKey: number | null
}

/** An earlier article sharing paragraphs with the new one. */
export interface NearDuplicate {
  otherId: number
  sharedParagraphs: number
  /** The matching pairs: `ordinal` in the new article, `otherOrdinal` in the other one. */
  paragraphs: SharedParagraph[]
}

/**
 * Finds earlier articles that share paragraphs with this one, records the links (read from either
 * side) with the paragraph pairs they rest on, and indexes this article's fingerprints for later imports.
 * Within one outlet as across outlets; only an outlet's own furniture lines are kept out.
 * Candidates come from an indexed lookup of sampled fingerprints; each candidate paragraph pair
 * is then verified on its exact shingles.
 * `sharedParagraphs` counts matching paragraph pairs, so it reads the same from either side.
 * Call inside the article's transaction.
 */
export function linkNearDuplicates(
  db: Db,
  articleId: number,
  outletKey: string | null,
  allParagraphs: readonly IndexedParagraph[],
  work: NearWork = { fingerprints: 0, rows: 0, pairs: 0, verbatim: 0, chars: 0 }
): NearDuplicate[] {
  const paragraphs = withinBudget(allParagraphs)
  // Two statements for all fingerprints at once: capped occurrence counts, then the rows of the
  // fingerprints rare enough to be evidence. The article's own rows are not indexed yet.
  const all = [...new Set(paragraphs.flatMap((p) => p.fingerprints.lookup))]
  work.fingerprints += all.length
  const counts = fingerprintCounts(db, all, COMMON_FINGERPRINT + 1)
  const evidence = counts.filter((c) => c.n > 0 && c.n <= COMMON_FINGERPRINT).map((c) => c.hash)
  const common = new Set(counts.filter((c) => c.n > COMMON_FINGERPRINT).map((c) => c.hash))
  const owners = new Map<number, { article_id: number; ordinal: number }[]>()
  if (evidence.length > 0) {
    // In key order, which depends only on the archive's contents: the cut is deterministic.
    const rows = fingerprintRows(db, evidence, NEAR_LIMITS.maxRows)
    work.rows += rows.length
    for (const r of rows) {
      let list = owners.get(r.hash)
      if (!list) owners.set(r.hash, (list = []))
      list.push(r)
    }
  }
  // other article -> "otherOrdinal:ownOrdinal" candidate pairs with the fingerprints they share,
  // at most maxPairs in all
  const candidates = new Map<number, Map<string, number>>()
  let pairCount = 0
  collect: for (const p of paragraphs) {
    for (const h of p.fingerprints.lookup) {
      for (const r of owners.get(h) ?? []) {
        if (r.article_id === articleId) continue
        let pairs = candidates.get(r.article_id)
        if (!pairs) candidates.set(r.article_id, (pairs = new Map()))
        const pair = `${r.ordinal}:${p.ordinal}`
        const shared = pairs.get(pair) ?? 0
        pairs.set(pair, shared + 1)
        if (shared === 0 && ++pairCount >= NEAR_LIMITS.maxPairs) break collect
      }
    }
  }
  const found: NearDuplicate[] = []
  if (candidates.size > 0) {
    // Shared copy is mostly verbatim: a text seen already (the new paragraph itself, or the same
    // wire paragraph in another candidate) reuses its shingle set instead of building it again.
    const byText = new Map<string, Set<number>>()
    const verifySet = (text: string): Set<number> => {
      const head = text.slice(0, NEAR_LIMITS.maxVerifyChars)
      let set = byText.get(head)
      if (!set) {
        work.chars += head.length
        byText.set(head, (set = shingleSet(head)))
      }
      return set
    }
    const own = new Map(paragraphs.map((p) => [p.ordinal, p]))
    const popular = new Set(paragraphs.filter((p) => p.fingerprints.lookup.filter((h) => common.has(h)).length >= ONE_FINGERPRINT_COMMON).map((p) => p.ordinal))
    // A furniture line repeated verbatim by the same outlet is its boilerplate in the making (a
    // footer not yet seen often enough to be dropped). Copy it repeats is linked like any other.
    const repeated = prepared<[string, number, number], { one: number }>(
      db,
      'SELECT 1 AS one FROM outlet_paragraphs WHERE outlet_key = ? AND hash = ? AND article_id = ?'
    )
    const sameOutletRepeat = (key: number | null, otherId: number): boolean =>
      outletKey !== null && key !== null && repeated.get(outletKey, key, otherId) !== undefined
    // The paragraphs the pairs name, of every candidate article at once; an article's text is
    // read only for a pair that is not a verbatim copy.
    const wanted = [...candidates].flatMap(([otherId, pairs]) => [...new Set([...pairs.keys()].map((pair) => pair.split(':')[0]))].map((o) => [otherId, Number(o)] as const))
    const paragraphsOf = candidateParagraphs(db, wanted)
    for (const [otherId, pairs] of candidates) {
      const theirs = paragraphsOf.get(otherId)
      const matched: SharedParagraph[] = []
      for (const [pair, shared] of pairs) {
        const [otherOrdinal, ownOrdinal] = pair.split(':').map(Number) as [number, number]
        const other = theirs?.get(otherOrdinal)
        if (other === undefined) continue
        const mine = own.get(ownOrdinal)!
        const long = mine.text.length > SHORT_PARAGRAPH_CHARS && other.length > SHORT_PARAGRAPH_CHARS
        if (shared === 1 && long && !popular.has(ownOrdinal)) continue
        if (sameOutletRepeat(mine.furnitureKey, otherId)) continue
        work.pairs++
        const mineSet = verifySet(mine.text)
        // The same words, each compared whole (within the verification cut): the other
        // paragraph's shingles are the new one's, so the pair matches as the new one matches itself.
        const verbatim =
          other.wordsKey === mine.wordsKey && other.length <= NEAR_LIMITS.maxVerifyChars && mine.text.length <= NEAR_LIMITS.maxVerifyChars
        if (verbatim) work.verbatim++
        if (paragraphsMatch(mineSet, verbatim ? mineSet : verifySet(other.text()))) matched.push({ ordinal: ownOrdinal, otherOrdinal })
      }
      if (matched.length > 0) {
        matched.sort((a, b) => a.ordinal - b.ordinal || a.otherOrdinal - b.otherOrdinal)
        found.push({ otherId, sharedParagraphs: matched.length, paragraphs: matched })
      }
    }
  }
  linkSharedParagraphs(db, articleId, found)
  const rows = paragraphs.flatMap((p) => p.fingerprints.stored.map((h) => [h, p.ordinal] as const))
  storeFingerprints(db, articleId, rows, true)
  return found.sort((a, b) => b.sharedParagraphs - a.sharedParagraphs || a.otherId - b.otherId)
}
