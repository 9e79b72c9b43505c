import { createHash } from 'node:crypto'

/**
 * Word shingles for paragraph-level reuse detection. Pure functions: the worker computes
 * fingerprints off the main thread, the main thread verifies candidates with exact shingle sets,
 * and the archive recomputes a paragraph's fingerprints from its stored text to find its rows
 * (`paragraph_fingerprints` has no index by article; migration 016).
 */

/** Words of a paragraph as compared for reuse: NFKC, lower case, letters and digits only. */
export function words(text: string): string[] {
  // ASCII is its own NFKC form, and its letters and digits are [A-Za-z0-9]: most news text is
  // cut here by hand, three times faster than the Unicode pattern below (a property test keeps
  // the two equal).
  if (/^[\x00-\x7f]*$/.test(text)) return asciiWords(text)
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

function asciiWords(text: string): string[] {
  const out: string[] = []
  const lower = text.toLowerCase()
  let start = -1
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0
    const wordChar = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)
    if (wordChar) {
      if (start < 0) start = i
    } else if (start >= 0) {
      out.push(lower.slice(start, i))
      start = -1
    }
  }
  return out
}

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** FNV-1a of `text` continued from the state `h` (not yet made unsigned). */
function fnvOn(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
  return h
}

/** FNV-1a over a string, 32 bits unsigned. */
export function hash32(text: string): number {
  return fnvOn(FNV_OFFSET, text) >>> 0
}

/**
 * Hashes of every run of `k` consecutive words (one hash for a shorter text): FNV-1a of the words
 * joined by single spaces, computed word by word without building the joined strings (they are
 * stored, so the value must stay that of the join).
 */
export function shingleHashes(tokens: readonly string[], k: number): number[] {
  if (tokens.length === 0) return []
  if (tokens.length <= k) return [hash32(tokens.join(' '))]
  const out: number[] = []
  for (let i = 0; i + k <= tokens.length; i++) {
    let h = fnvOn(FNV_OFFSET, tokens[i]!)
    for (let j = i + 1; j < i + k; j++) h = fnvOn(fnvOn(h, ' '), tokens[j]!)
    out.push(h >>> 0)
  }
  return out
}

/**
 * Winnowing (Schleimer, Wilkerson & Aiken 2003): the minimum hash of every window of `w`
 * shingles. Two texts sharing a run of at least w + k - 1 words are guaranteed to share a
 * selected hash, while only about 2/(w + 1) of the shingles are kept.
 */
export function winnow(hashes: readonly number[], w: number): number[] {
  if (hashes.length === 0) return []
  const selected = new Set<number>()
  if (hashes.length <= w) {
    selected.add(Math.min(...hashes))
    return [...selected]
  }
  let lastPos = -1
  for (let start = 0; start + w <= hashes.length; start++) {
    let minPos = start
    for (let i = start + 1; i < start + w; i++) if (hashes[i]! <= hashes[minPos]!) minPos = i
    if (minPos !== lastPos) {
      selected.add(hashes[minPos]!)
      lastPos = minPos
    }
  }
  return [...selected]
}

/** Shingle length (words) of the fingerprints. */
export const FINGERPRINT_K = 4
/** Winnowing window: shared runs of FINGERPRINT_K + FINGERPRINT_W - 1 = 9 words are always found. */
export const FINGERPRINT_W = 6
/**
 * Winnowing window of the fingerprints stored for a long paragraph (see `paragraphFingerprints`):
 * a run of FINGERPRINT_K + STORED_FINGERPRINT_W - 1 = 13 words shared with one is always found.
 */
export const STORED_FINGERPRINT_W = 10
/**
 * A paragraph up to this many characters (about 25 words: a quote, a short lead) is short. A pair
 * of paragraphs sharing one fingerprint is a candidate only when one of them is short
 * (`import/dedupe/near.ts`), and a short paragraph stores every fingerprint it looks up.
 */
export const SHORT_PARAGRAPH_CHARS = 160
/** Paragraphs shorter than this (in words) take no part in near-duplicate detection. */
export const MIN_REUSE_WORDS = 8

/** A paragraph's sampled fingerprints: those looked up when it is imported, and those stored. */
export interface ParagraphFingerprints {
  /** Winnowed with FINGERPRINT_W; a superset of `stored`, so it finds every row stored for the text. */
  lookup: number[]
  /**
   * The same for a short paragraph; for a long one, winnowed with STORED_FINGERPRINT_W, which
   * keeps a subset (the minimum of a window of ten is the minimum of every window of six inside
   * it): 38 % fewer rows in the generated news corpus, the largest table after the text itself,
   * and one random B-tree page written per row. Copy of a long paragraph (verbatim, edited, cut
   * or merged) shares many fingerprints either way; what it misses is a quote of 10–12 words
   * lifted from a long stored paragraph (`npm run bench:near-recall`, 3,000 paragraphs of that
   * corpus: quotes of 10, 11 and 12 words found 87.9, 94.0 and 98.4 % of the time instead of
   * always, 13 words or more always; a word in eight replaced 98.9 instead of 99.9 %).
   */
  stored: number[]
}

/** The sampled fingerprints of a paragraph; both empty when it is too short to count. */
export function paragraphFingerprints(text: string): ParagraphFingerprints {
  return fingerprintsOf(text, words(text))
}

function fingerprintsOf(text: string, tokens: readonly string[]): ParagraphFingerprints {
  if (tokens.length < MIN_REUSE_WORDS) return { lookup: [], stored: [] }
  const hashes = shingleHashes(tokens, FINGERPRINT_K)
  const lookup = winnow(hashes, FINGERPRINT_W)
  return { lookup, stored: text.length > SHORT_PARAGRAPH_CHARS ? winnow(hashes, STORED_FINGERPRINT_W) : lookup }
}

/** Shingle length (words) used to verify a candidate pair exactly. */
export const VERIFY_K = 3
/** Share of the shorter paragraph's shingles that must recur in the other paragraph. */
export const MIN_CONTAINMENT = 0.4
/** And at least this many shared shingles, so stock phrases do not link short paragraphs. */
export const MIN_SHARED_SHINGLES = 8

/**
 * The shingle set of a paragraph, for verification: each word hashed once, and each run of
 * VERIFY_K words hashed from its words' hashes, never joined into a string (verification shingles
 * every candidate paragraph, and the joins cost most of it). These hashes are compared within one
 * check and never stored, so they need not agree with `shingleHashes`.
 */
export function shingleSet(text: string): Set<number> {
  const tokens = words(text)
  const out = new Set<number>()
  if (tokens.length === 0) return out
  const h = tokens.map(hash32)
  // A text shorter than a shingle is one shingle of all its words.
  const k = Math.min(VERIFY_K, h.length)
  for (let i = 0; i + k <= h.length; i++) {
    let x = FNV_OFFSET
    for (let j = i; j < i + k; j++) x = Math.imul(x ^ h[j]!, FNV_PRIME)
    out.add(mix32(x))
  }
  return out
}

/** MurmurHash3's finaliser: spreads the bits of a combined hash so set lookups stay uniform. */
function mix32(x: number): number {
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

/**
 * Whether two paragraphs carry the same text: most of the shorter one recurs in the other.
 * Containment rather than Jaccard, because wire copy is often merged into a longer paragraph.
 */
export function paragraphsMatch(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  if (small.size < MIN_SHARED_SHINGLES) return false
  let shared = 0
  for (const h of small) if (large.has(h)) shared++
  return shared >= MIN_SHARED_SHINGLES && shared >= MIN_CONTAINMENT * small.size
}

/**
 * A paragraph's words (as `words` reads them) hashed to 48 bits: two paragraphs with the same key
 * carry the same words, so a verbatim copy is verified without reading the stored one's text
 * (`import/dedupe/near.ts`). Stored with each paragraph written since migration 022: changing
 * how it is computed needs a migration that clears the stored keys.
 */
export function wordsKey(text: string): number {
  return wordsKeyOf(words(text))
}

function wordsKeyOf(tokens: readonly string[]): number {
  return createHash('sha256').update(tokens.join(' ')).digest().readUIntBE(0, 6)
}

/** Paragraphs longer than this (in words) are never treated as repeated boilerplate. */
export const MAX_BOILERPLATE_WORDS = 50

/**
 * Key of a short paragraph for the per-outlet repetition memory: normalised words with years
 * folded (so "© 2021" and "© 2022" footers agree), hashed to 48 bits. Null for long paragraphs.
 * Other numbers stay: "the death toll rose to 15" and "… to 23" are news, not boilerplate.
 */
export function boilerplateKey(text: string): number | null {
  return boilerplateKeyOf(words(text))
}

function boilerplateKeyOf(tokens: readonly string[]): number | null {
  if (tokens.length === 0 || tokens.length > MAX_BOILERPLATE_WORDS) return null
  const normalised = tokens.map((t) => (/^(?:19|20)\d\d$/.test(t) ? 'yyyy' : t)).join(' ')
  return createHash('sha256').update(normalised).digest().readUIntBE(0, 6)
}

/** What the parse worker computes of each paragraph for the writer, from one reading of its words. */
export interface ParagraphKeys {
  fingerprints: ParagraphFingerprints
  /** Its key in the outlet's repetition memory; null for a long paragraph. */
  boilerplateKey: number | null
  /** The key of its words, stored with the paragraph. */
  wordsKey: number
}

/** `paragraphFingerprints`, `boilerplateKey` and `wordsKey` of one paragraph, its words cut once. */
export function paragraphKeys(text: string): ParagraphKeys {
  const tokens = words(text)
  return { fingerprints: fingerprintsOf(text, tokens), boilerplateKey: boilerplateKeyOf(tokens), wordsKey: wordsKeyOf(tokens) }
}
