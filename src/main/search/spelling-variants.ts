import { MAX_EXPAND_LENGTH, MAX_TYPO_VARIANTS } from '../../shared/search-limits'
import type { Spelling } from '../../shared/search'
import { nameKey, weakNeighbours } from '../text/name-key'
import type { KeyIndex } from './key-index'
import { latinLength, rewriteBudget, rewriteCost } from './spelling-cost'
import { boundedDistance, edits1, typoAllowance } from './spellings'

/**
 * Words shorter than this (in Latin letters: хут is khut) get no variants: two- and three-letter
 * words are nearly all common.
 */
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
 * The same for a variant that takes the whole rewrite budget, the least likely kind: a word
 * that needs every rewrite the length allows and is in several times the typed word's articles
 * is more likely another word (Khati and Katie) than a rare spelling of it.
 */
const EDGE_FREQUENCY_RATIO = 4

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
  /** An ordinary word of the language around the names (`isOrdinaryWord`): never another's spelling. */
  ordinary(term: string): boolean
  /** Takes one unit of the look-up budget; false once it is spent. */
  spend(): boolean
}

/**
 * The archive's other spellings of `term`, most likely first, at most `limit`: words with its
 * transliteration key or one weak letter pair away (`variant`), then, within the typo allowance
 * of its key's length, words whose keys are one or two edits away (`typo`), nearer first, and at
 * most MAX_TYPO_VARIANTS of them; within each, the most frequent first.
 */
/**
 * Besides the key, three tests keep strangers out. An ordinary English word (`isOrdinaryWord`:
 * sake for Sakiy, tiny for Tiyini, sheer for Shir) is no other word's spelling, except as the
 * correction of a typed word the archive lacks, long enough for a typo and one edit from it as
 * written (governmnet: government; not Phaze: phase, a name's spelling as likely as a typo). A variant must be within the rewrite budget of the typed word (`rewriteBudget`),
 * so a key two names share by several folds (Zakhoukh, Shakok) does not join them. And
 * frequencies: see VARIANT_FREQUENCY_RATIO, EDGE_FREQUENCY_RATIO and TYPO_RARITY.
 */
export function findSpellings(term: string, source: SpellingSource, limit: number): Spelling[] {
  if (term.length > MAX_EXPAND_LENGTH || latinLength(term) < MIN_VARIANT_LENGTH) return []
  const key = nameKey(term)
  const typed = source.docCount(term)
  const common = COMMON_SHARE * source.maxDocs()
  if (key.length < 5 && typed > common) return []
  const allowance = typoAllowance(key.length)
  const budget = rewriteBudget(term)
  const found = new Map<string, Spelling & { distance: number }>()
  let typosWanted = true
  const seenKeys = new Set<string>()
  const consider = (candidateKey: string, reachedAs: Spelling['kind'], distance: number): void => {
    seenKeys.add(candidateKey)
    for (const t of source.keys.terms(candidateKey)) {
      if (t === term || found.has(t) || !source.spend()) continue
      const rewrites = rewriteCost(term, t, budget)
      const withinBudget = rewrites <= budget
      if (reachedAs === 'variant' && !withinBudget) continue
      // A key typo that rewrites explain is a spelling the key does not fold (Panjshear, Panjshir: ea/i).
      const kind = withinBudget ? 'variant' : reachedAs
      // A typo keeps the first letter (people rarely mistype it).
      if (kind === 'typo' && (!typosWanted || candidateKey.charAt(0) !== key.charAt(0))) continue
      if (source.ordinary(t) && !(typed === 0 && allowance >= 1 && boundedDistance(term, t, 1) <= 1)) continue
      const articles = source.docCount(t)
      const ratio = kind === 'typo' ? 1 / TYPO_RARITY : rewrites === budget ? EDGE_FREQUENCY_RATIO : VARIANT_FREQUENCY_RATIO
      if (typed > 0 && articles > ratio * typed) continue
      found.set(t, { term: t, articles, kind, distance })
    }
  }
  if (source.spend()) consider(key, 'variant', 0)
  if (key.length >= MIN_WEAK_KEY_LENGTH) {
    for (const k of weakNeighbours(key)) if (source.spend()) consider(k, 'variant', 1)
  }
  // Typos are guesses: within the allowance, and for a word the archive lacks but has spellings of, none.
  typosWanted = allowance >= 1 && (typed > 0 || found.size === 0)
  // One edit from the key: typos where the allowance permits; for any key, the spellings rewrites
  // explain that the key folds apart (Yekuso, Yakuso: keys ikusu, iakusu).
  for (const k of edits1(key)) {
    if (!source.spend()) break
    if (!seenKeys.has(k)) consider(k, 'typo', 1)
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
