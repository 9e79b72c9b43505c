import type { Spelling } from '../../shared/search'
import type { Db } from '../archive/db'
import { prepared } from '../archive/statements'
import { ftsString } from './compile'

/**
 * Ordering keys sit this far apart per step of spelling tier, more than any bm25 score spans,
 * so tiers never mix; the result stays below the date keys of unscored hits.
 */
const TIER_STEP = 1e6
const TIERS = { exact: 0, variant: 1, typo: 2 } as const
/** Each further distinct spelling of a word in one article strengthens its bm25 by this share, up to double. */
const SPELLING_BONUS = 0.25

/** A fuzzy word as typed and the spellings of it that were searched. */
export interface SearchedWord {
  word: string
  spellings: readonly Spelling[]
}

/**
 * Ordering keys (lower first) for ranked hits of a query with fuzzy words: the article holding
 * the exact spelling comes before one holding only a transliteration, which comes before one
 * holding only a typo (summed over the query's fuzzy words); within a tier, bm25 (headline
 * matches weigh 8×), made stronger when an article uses several spellings of one word.
 */
export function spellingRankKeys(db: Db, scores: ReadonlyMap<number, number>, words: readonly SearchedWord[]): Map<number, number> {
  const tier = new Map<number, number>()
  const extra = new Map<number, number>()
  const stmt = prepared(db, 'SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck()
  for (const { word, spellings } of words) {
    const best = new Map<number, number>()
    const forms = [{ term: word, tier: TIERS.exact }, ...spellings.map((s) => ({ term: s.term, tier: s.kind === 'typo' ? TIERS.typo : TIERS.variant }))]
    for (const form of forms) {
      for (const id of stmt.all(ftsString(form.term)) as number[]) {
        if (!scores.has(id)) continue
        const before = best.get(id)
        if (before !== undefined) extra.set(id, (extra.get(id) ?? 0) + 1)
        if (before === undefined || form.tier < before) best.set(id, form.tier)
      }
    }
    for (const [id, t] of best) tier.set(id, (tier.get(id) ?? 0) + t)
  }
  const keys = new Map<number, number>()
  for (const [id, score] of scores) {
    const boost = Math.min(2, 1 + SPELLING_BONUS * (extra.get(id) ?? 0))
    keys.set(id, TIER_STEP * (tier.get(id) ?? 0) + score * boost)
  }
  return keys
}
