import { AnnalistError } from '../../shared/errors'
import { allLeaves } from '../../shared/query'
import type { QueryNode, SearchSort } from '../../shared/search'
import { prepared } from '../archive/statements'
import { bitmapIds } from './common-ids'
import type { Expand } from './compile'
import type { SearchEngine } from './engine'
import { matchBounds } from './match-bound'
import type { ArticleMeta } from './meta'
import { cheaperHere, rankPhrase } from './phrase-rank'
import { positionalIds } from './positional-ids'

/** How matches are read: what tests and benchmarks may set (`runSearch`'s tuning). */
export interface MatchTuning {
  /** Matches at most that are ranked by bm25 (RANK_LIMIT). */
  rankLimit: number
  /** Whether a lone phrase is ranked here (phrase-rank.ts) always or never rather than when it is cheaper. */
  rankPhrasesHere?: boolean
}

/**
 * What the index answered for a query's match, before filters: every match ranked by bm25 (when
 * ranked), or every matching id with the headline scores of those matching in a title or dek
 * (`headline`, when the matches were too many to rank and the order asked is by relevance).
 */
export interface Matches {
  ranked: readonly (readonly [number, number])[] | null
  matched: ArrayLike<number> | null
  headline: readonly (readonly [number, number])[] | null
}

/** Runs `read`, which evaluates `match`. */
export function guarded<T>(match: string, read: () => T): T {
  try {
    return read()
  } catch (err) {
    // compileQuery only emits valid FTS5; reaching here is a bug, reported instead of a crash.
    throw new AnnalistError('internal', `search could not run ${JSON.stringify(match)}: ${(err as Error).message}`)
  }
}

export function runMatch(engine: SearchEngine, sql: string, match: string, pluck = false, ...more: number[]): unknown[] {
  return guarded(match, () => {
    const stmt = prepared(engine.db, sql)
    return pluck ? stmt.pluck().all(match, ...more) : stmt.raw().all(match, ...more)
  })
}

export const MATCH_IDS = 'SELECT rowid FROM search_fts WHERE search_fts MATCH ?'

/**
 * The index's answer for `match` (compiled from `root`), read once per archive generation: paging
 * through the hits, clicking a facet or a filter asks the same match again, and a phrase of common
 * words costs a full evaluation each time (200–270 ms at 101,335 articles, 1.9–2.4 s at 1,000,000).
 */
export function readMatches(engine: SearchEngine, root: QueryNode, match: string, expand: Expand, meta: ArticleMeta, sort: SearchSort, tuning: MatchTuning): Matches {
  const keyFor = (order: string): string => `${order} ${tuning.rankLimit} ${tuning.rankPhrasesHere ?? ''}\u0000${match}`
  const key = keyFor(sort === 'rank' ? 'rank' : 'date')
  const generation = engine.generation()
  const kept = engine.matches.get(key, generation)
  if (kept) return kept
  // Newest or oldest first after the same match by relevance: every match is in that answer too.
  const byRank = sort === 'rank' ? undefined : engine.matches.get(keyFor('rank'), generation)
  if (byRank) return { ranked: null, matched: byRank.matched ?? byRank.ranked!.map(([id]) => id), headline: null }
  const started = performance.now()
  const read = readMatchesNow(engine, root, match, expand, meta, sort, tuning)
  engine.matches.put(key, generation, read, performance.now() - started)
  return read
}

function readMatchesNow(engine: SearchEngine, root: QueryNode, match: string, expand: Expand, meta: ArticleMeta, sort: SearchSort, tuning: MatchTuning): Matches {
  const { rankLimit } = tuning
  // Counting matches is nearly free for plain words, so they are counted before deciding whether
  // to rank. A phrase or NEAR group is costly to evaluate even once: its ids are read first, and
  // the read stops as soon as they look to stay under the cap (positional-ids.ts).
  const positional = allLeaves(root).some((l) => l.kind !== 'term' || l.text.includes(' '))
  // Nor is a count needed when the vocabulary's article counts already put the matches under
  // the rank limit, or over it. Those counts may trail the archive (and are not read before the
  // reader has loaded the vocabulary), so a guess of "over" is checked on the matches themselves.
  const vocab = engine.loadedVocabulary()
  const bounds = vocab ? matchBounds(root, vocab, expand) : null
  const countStmt = 'SELECT count(*) FROM search_fts WHERE search_fts MATCH ?'
  const underLimit = bounds !== null && bounds.upper <= rankLimit
  const rankable =
    sort === 'rank' &&
    (positional || underLimit || ((bounds === null || bounds.lower <= rankLimit) && (runMatch(engine, countStmt, match, true)[0] as number) <= rankLimit))
  const rankedPass = (): [number, number][] =>
    runMatch(engine, 'SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? LIMIT ?', match, false, rankLimit + 1) as [number, number][]
  let ranked: [number, number][] | null = null
  let matched: ArrayLike<number> | null = null
  if (positional && rankable && !underLimit) {
    // Its ids first: a phrase over the rank limit needs no bm25, one matching nothing no pass more,
    // and a lone phrase is ranked here from them when that costs less than FTS5 (phrase-rank.ts).
    const phrase = root.kind === 'phrase' && root.field === null ? root.text : null
    // The read so far tells what a whole evaluation costs, so whether ranking here will be cheaper.
    const reading = performance.now()
    const evaluationMs = (share: number): number => (performance.now() - reading) / share
    const here = (matches: number, share: number): boolean => phrase !== null && (tuning.rankPhrasesHere ?? cheaperHere(matches, evaluationMs(share), share))
    const found = guarded(match, () => positionalIds(prepared<[string], number>(engine.db, MATCH_IDS).pluck().iterate(match), meta.maxId, rankLimit, here))
    if (found && found.length > rankLimit) matched = found
    else if (found?.length === 0) ranked = []
    else ranked = (found && phrase !== null && here(found.length, 1) ? rankPhrase(engine.db, phrase, found) : null) ?? rankedPass()
  } else if (rankable) ranked = rankedPass()
  if (!matched && (!ranked || ranked.length > rankLimit)) {
    const common = engine.commonIds(match)
    matched = common ? bitmapIds(common) : (runMatch(engine, MATCH_IDS, match, true) as number[])
    // The vocabulary said more than the limit and there were fewer: rank them, as a count would have.
    if (!ranked && sort === 'rank' && matched.length <= rankLimit) {
      ranked = rankedPass()
      matched = null
    }
  }
  if (!matched) return { ranked, matched: null, headline: null }
  // bm25 over tens of thousands of matches costs more than the rest of the search, and a word
  // that common carries little weight anyway: headline matches lead, ranked on the small
  // title/dek index (articles_fts), and the rest follow newest first.
  const headline =
    sort === 'rank'
      ? (runMatch(engine, 'SELECT rowid, bm25(articles_fts, 8.0, 3.0) FROM articles_fts WHERE articles_fts MATCH ?', match) as [number, number][])
      : null
  return { ranked: null, matched, headline }
}
