import { MAX_EXPAND_LENGTH, MAX_TYPO_VARIANTS } from '../../shared/search-limits'
import type { Spelling } from '../../shared/search'
import { nameKey, weakNeighbours } from '../text/name-key'
import type { KeyIndex } from './key-index'
import { boundedDistance, edits1, typoAllowance } from './spellings'

/** Words shorter than this get no variants: two- and three-letter words are nearly all common. */
export const MIN_VARIANT_LENGTH = 4

/** Keys shorter than this get no weak-pair neighbours: the keys of man and men are other words. */
const MIN_WEAK_KEY_LENGTH = 4

/**
 * A typed word of a short key (under 5 letters) held by more than this share of the archive's
 * most frequent word's articles is a common word (then, main, sale), whose vowel-swapped
 * neighbours are other words (thin, mean, sole), not its spellings: it gets no variants.
 */
const COMMON_SHARE = 0.02

/**
 * A transliteration in more than this many times the articles of the typed word (when the
 * archive has it) is a different word sharing the key (Fevi and five, Yiverey and every); the
 * spellings of one name are within a few times of each other.
 */
const VARIANT_FREQUENCY_RATIO = 20

/**
 * A typo of a word the archive has must be this many times rarer than it: a misspelling in the
 * text is rarer than the word it misspells, and a near neighbour of similar or greater frequency
 * is another word (Emissaz and Imisa, result and resort, powers and lowers). For a word the
 * archive lacks (a misspelled query), typos of any frequency are offered.
 */
const TYPO_RARITY = 5

/** What the search needs of the vocabulary to find spellings. */
export interface SpellingSource {
  keys: KeyIndex
  docCount(term: string): number
  /** Articles of the archive's most frequent word (the size of "common"). */
  maxDocs(): number
  /** Takes one unit of the look-up budget; false once it is spent. */
  spend(): boolean
}

/**
 * The archive's other spellings of `term`, most likely first, at most `limit`: words with its
 * transliteration key or one weak letter pair away (`variant`), then, within the typo allowance
 * of its key's length, words whose keys are one or two edits away (`typo`), nearer first, and at
 * most MAX_TYPO_VARIANTS of them; within each, the most frequent first.
 */
export function findSpellings(term: string, source: SpellingSource, limit: number): Spelling[] {
  if (term.length < MIN_VARIANT_LENGTH || term.length > MAX_EXPAND_LENGTH) return []
  const key = nameKey(term)
  const typed = source.docCount(term)
  const common = COMMON_SHARE * source.maxDocs()
  if (key.length < 5 && typed > common) return []
  const allowance = typoAllowance(key.length)
  const found = new Map<string, Spelling & { distance: number }>()
  const seenKeys = new Set<string>()
  const consider = (candidateKey: string, kind: Spelling['kind'], distance: number): void => {
    seenKeys.add(candidateKey)
    for (const t of source.keys.terms(candidateKey)) {
      if (t === term || found.has(t) || !source.spend()) continue
      const articles = source.docCount(t)
      if (typed > 0 && (kind === 'typo' ? articles * TYPO_RARITY > typed : articles > VARIANT_FREQUENCY_RATIO * typed)) continue
      found.set(t, { term: t, articles, kind, distance })
    }
  }
  if (source.spend()) consider(key, 'variant', 0)
  if (key.length >= MIN_WEAK_KEY_LENGTH) {
    for (const k of weakNeighbours(key)) if (source.spend()) consider(k, 'variant', 1)
  }
  if (allowance >= 1) {
    for (const k of edits1(key)) {
      if (!source.spend()) break
      if (!seenKeys.has(k)) consider(k, 'typo', 1)
    }
  }
  // Two edits: the keys of nearby length that start alike, measured one by one.
  if (allowance >= 2) {
    for (let length = key.length - 2; length <= key.length + 2; length++) {
      for (const k of source.keys.keysShaped(key.charAt(0), length)) {
        if (seenKeys.has(k) || !source.spend()) continue
        if (boundedDistance(key, k, 2) === 2) consider(k, 'typo', 2)
      }
    }
  }
  const ranked = [...found.values()].sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'variant' ? -1 : 1) || a.distance - b.distance || b.articles - a.articles || (a.term < b.term ? -1 : 1)
  )
  let typos = 0
  return ranked
    .filter((s) => s.kind === 'variant' || ++typos <= MAX_TYPO_VARIANTS)
    .slice(0, limit)
    .map(({ term: t, articles, kind }) => ({ term: t, articles, kind }))
}
