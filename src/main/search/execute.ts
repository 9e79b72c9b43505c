import { AnnalistError } from '../../shared/errors'
import { allLeaves, parseQuery } from '../../shared/query'
import type { Expansion, Facets, Hit, SearchQuery, SearchRanking, SearchResult } from '../../shared/search'
import { bitmapIds } from './common-ids'
import { compileQuery, type Expand } from './compile'
import { droppedSpellings } from './dropped'
import type { SearchEngine } from './engine'
import { facetCounts } from './facets'
import { entityFacets } from './entity-facets'
import { buildArticleTest } from './filters'
import { buildMatcher } from './highlight'
import { ArticleMeta } from './meta'
import { matchBounds } from './match-bound'
import { boundPrefixes } from './prefixes'
import { articleSnippets } from './snippets'
import { paragraphsWithText } from '../archive/repo/paragraph-text'
import { publishedOf } from '../archive/repo/published'
import { hitSummaries } from '../archive/repo/search-meta'
import { prepared } from '../archive/statements'
import { spellingRankKeys } from './spelling-rank'
import { topK } from './topk'
import { RANK_LIMIT } from './rank-limit'
import { positionalIds } from './positional-ids'
import { cheaperHere, rankPhrase } from './phrase-rank'

export const DEFAULT_LIMIT = 20
const DATE_KEY_BASE = 1e9
/** How many completions a prefix word reports under `expansions` (it matches all of them). */
const PREFIX_EXPANSIONS = 8

/**
 * Variant lookup for one query (search or highlight), memoised per archive generation, leaving
 * out the spellings the user dropped for this query and recording all of them in `expansions`.
 */
export function expander(engine: SearchEngine, dropped: ReadonlySet<string>, expansions: Record<string, Expansion[]> = {}): Expand {
  return (term) => {
    // Catches the vocabulary up first, which empties the memo when the archive moved.
    const vocab = engine.vocabulary()
    let variants = engine.expansionMemo.get(term)
    if (!variants) {
      variants = vocab.variants(term)
      engine.expansionMemo.set(term, variants)
    }
    expansions[term] = variants.map((v) => ({ ...v, dropped: dropped.has(v.term) }))
    return variants.filter((v) => !dropped.has(v.term)).map((v) => v.term)
  }
}

/** Runs `read`, which evaluates `match`. */
function guarded<T>(match: string, read: () => T): T {
  try {
    return read()
  } catch (err) {
    // compileQuery only emits valid FTS5; reaching here is a bug, reported instead of a crash.
    throw new AnnalistError('internal', `search could not run ${JSON.stringify(match)}: ${(err as Error).message}`)
  }
}

function runMatch(engine: SearchEngine, sql: string, match: string, pluck = false, ...more: number[]): unknown[] {
  return guarded(match, () => {
    const stmt = prepared(engine.db, sql)
    return pluck ? stmt.pluck().all(match, ...more) : stmt.raw().all(match, ...more)
  })
}

const MATCH_IDS = 'SELECT rowid FROM search_fts WHERE search_fts MATCH ?'

function emptyFacets(): Facets {
  return { outlet: [], month: [], place: [], language: [], person: [], org: [], mentionedPlace: [], entitiesCounted: 0 }
}

/**
 * What tests and benchmarks may set: the rank limit, the entity facets' sample, and whether a lone
 * phrase is ranked here (phrase-rank.ts) always or never rather than when it is cheaper.
 */
export interface SearchTuning {
  rankLimit?: number
  entitySample?: number
  rankPhrasesHere?: boolean
}

/** Runs a query: parse, expand variants, FTS5 + filters, facets, one page of hits with snippets. */
export function runSearch(engine: SearchEngine, q: SearchQuery, tuning: SearchTuning = {}): SearchResult {
  const rankLimit = tuning.rankLimit ?? RANK_LIMIT
  const started = performance.now()
  const parsed = parseQuery(q.query, { fuzzy: q.fuzzy === true })
  const sort = q.sort ?? 'rank'
  const limit = q.limit ?? DEFAULT_LIMIT
  const offset = q.offset ?? 0
  engine.refresh()
  const expansions: Record<string, Expansion[]> = {}
  const expand = expander(engine, droppedSpellings(engine.db, q.query), expansions)
  // The tree FTS5 and the highlighter get: prefixes too common to search matched exactly, with a notice.
  const root = boundPrefixes(parsed.root, () => engine.vocabulary(), parsed.warnings)
  const compiled = compileQuery(root, expand)
  for (const leaf of allLeaves(root)) {
    if (leaf.kind === 'term' && leaf.prefix && !leaf.text.includes(' ')) {
      expansions[`${leaf.text}*`] = engine
        .vocabulary()
        .completions(leaf.text, PREFIX_EXPANSIONS + 1)
        .filter((c) => c.term !== leaf.text)
        .slice(0, PREFIX_EXPANSIONS)
        .map((c) => ({ term: c.term, articles: c.docs, kind: 'completion', dropped: false }))
    }
  }
  const result = (total: number, hits: Hit[], facets: Facets, ranking: SearchRanking): SearchResult => ({
    query: { text: q.query, parsed },
    ranking,
    total,
    hits,
    facets,
    expansions: Object.fromEntries(Object.entries(expansions).filter(([, v]) => v.length > 0)),
    elapsedMs: Math.round((performance.now() - started) * 100) / 100
  })
  const filtered = parsed.filters.length > 0 || parsed.dates.after !== null || parsed.dates.before !== null
  if (!compiled.match && !compiled.exclude && !filtered) return result(0, [], emptyFacets(), sort === 'rank' ? 'relevance' : 'date')

  const meta = engine.meta()
  const test = buildArticleTest(engine.db, meta, parsed.filters, parsed.dates)
  const ids: number[] = []
  /** bm25 per candidate (lower is better), for the ids that have one. */
  const scores = new Map<number, number>()
  let ranking: SearchRanking = sort === 'rank' ? 'relevance' : 'date'
  if (compiled.match) {
    const present = meta.present
    // Counting matches is nearly free for plain words, so they are counted before deciding whether
    // to rank. A phrase or NEAR group is costly to evaluate even once: its ids are read first, and
    // the read stops as soon as they look to stay under the cap (positional-ids.ts).
    const positional = allLeaves(root).some((l) => l.kind !== 'term' || l.text.includes(' '))
    // Nor is a count needed when the vocabulary's article counts already put the matches under
    // the rank limit, or over it. Those counts may trail the archive (and are not read before the
    // reader has loaded the vocabulary), so a guess of "over" is checked on the matches themselves.
    const vocab = engine.loadedVocabulary()
    const bounds = vocab ? matchBounds(root!, vocab, expand) : null
    const countStmt = 'SELECT count(*) FROM search_fts WHERE search_fts MATCH ?'
    const underLimit = bounds !== null && bounds.upper <= rankLimit
    const rankable =
      sort === 'rank' &&
      (positional ||
        underLimit ||
        ((bounds === null || bounds.lower <= rankLimit) && (runMatch(engine, countStmt, compiled.match, true)[0] as number) <= rankLimit))
    const rankedPass = (): [number, number][] =>
      runMatch(engine, 'SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? LIMIT ?', compiled.match!, false, rankLimit + 1) as [
        number,
        number
      ][]
    let ranked: [number, number][] | null = null
    let matched: ArrayLike<number> | null = null
    if (positional && rankable && !underLimit) {
      // Its ids first: a phrase over the rank limit needs no bm25, one matching nothing no pass more,
      // and a lone phrase is ranked here from them when that costs less than FTS5 (phrase-rank.ts).
      const match = compiled.match
      const phrase = root!.kind === 'phrase' && root!.field === null ? root!.text : null
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
      const common = engine.commonIds(compiled.match)
      matched = common ? bitmapIds(common) : (runMatch(engine, MATCH_IDS, compiled.match, true) as number[])
      // The vocabulary said more than the limit and there were fewer: rank them, as a count would have.
      if (!ranked && sort === 'rank' && matched.length <= rankLimit) {
        ranked = rankedPass()
        matched = null
      }
    }
    if (!matched) {
      for (const [id, rank] of ranked!) {
        if (present[id] && test(id)) {
          ids.push(id)
          scores.set(id, rank)
        }
      }
    } else {
      for (let i = 0; i < matched.length; i++) {
        const id = matched[i]!
        if (present[id] && test(id)) ids.push(id)
      }
      if (sort === 'rank') {
        // bm25 over tens of thousands of matches costs more than the rest of the search, and a word
        // that common carries little weight anyway: headline matches lead, ranked on the small
        // title/dek index (articles_fts), and the rest follow newest first.
        ranking = 'headline-then-date'
        const headline = 'SELECT rowid, bm25(articles_fts, 8.0, 3.0) FROM articles_fts WHERE articles_fts MATCH ?'
        for (const [id, rank] of runMatch(engine, headline, compiled.match) as [number, number][]) scores.set(id, rank)
      }
    }
  } else {
    if (sort === 'rank') ranking = 'date'
    const excluded = compiled.exclude
      ? new Set(runMatch(engine, MATCH_IDS, compiled.exclude, true) as number[])
      : null
    for (let id = 1; id <= meta.maxId; id++) {
      if (meta.present[id] && !excluded?.has(id) && test(id)) ids.push(id)
    }
  }

  const facets = { ...facetCounts(meta, ids), ...entityFacets(engine, ids, tuning.entitySample) }
  const keys = new Float64Array(ids.length)
  const dateSign = sort === 'date-asc' ? 1 : -1
  const earliest = meta.earliest
  const useScores = ranking !== 'date' && scores.size > 0
  const searched = Object.entries(expansions)
    .filter(([word]) => !word.endsWith('*'))
    .map(([word, spellings]) => ({ word, spellings: spellings.filter((s) => !s.dropped) }))
    .filter((w) => w.spellings.length > 0)
  const rankKeys = useScores && ranking === 'relevance' && searched.length ? spellingRankKeys(engine.db, scores, searched) : scores
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!
    const score = useScores ? rankKeys.get(id) : undefined
    if (score !== undefined) keys[i] = score
    else {
      const day = earliest[id]!
      // Date keys sit above every bm25 score (which is negative), so ranked hits stay first.
      keys[i] = ArticleMeta.isDay(day) ? DATE_KEY_BASE + dateSign * day : Number.POSITIVE_INFINITY
    }
  }
  const page = topK(keys, ids, offset + limit).slice(offset)
  const pageIds = page.map((index) => ids[index]!)
  const summaries = hitSummaries(engine.db, pageIds)
  const pageParagraphs = paragraphsWithText(engine.db, pageIds)
  const matcher = buildMatcher(root, expand)
  const hits = page.flatMap((index): Hit[] => {
    const row = summaries.get(ids[index]!)
    if (!row) return []
    const { id, title, outlet, byline, place, url, language } = row
    return [
      {
        articleId: id,
        title,
        outlet,
        published: publishedOf(row),
        byline,
        place,
        url,
        language,
        score: scores.has(ids[index]!) ? Number((-scores.get(ids[index]!)!).toPrecision(6)) : 0,
        snippets: articleSnippets(pageParagraphs.get(id) ?? [], matcher)
      }
    ]
  })
  return result(ids.length, hits, facets, ranking)
}
