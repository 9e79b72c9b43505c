import { allLeaves, parseQuery } from '../../shared/query'
import type { Expansion, Facets, Hit, SearchQuery, SearchRanking, SearchResult } from '../../shared/search'
import { compileQuery, type Expand } from './compile'
import { droppedSpellings } from './dropped'
import type { SearchEngine } from './engine'
import { facetCounts } from './facets'
import { entityFacets } from './entity-facets'
import { buildArticleTest } from './filters'
import { buildMatcher } from './highlight'
import { ArticleMeta } from './meta'
import { boundPrefixes } from './prefixes'
import { articleSnippets } from './snippets'
import { paragraphsWithText } from '../archive/repo/paragraph-text'
import { publishedOf } from '../archive/repo/published'
import { hitSummaries } from '../archive/repo/search-meta'
import { spellingRankKeys } from './spelling-rank'
import { topK } from './topk'
import { RANK_LIMIT } from './rank-limit'
import { MATCH_IDS, readMatches, runMatch, type MatchTuning } from './matches'

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


function emptyFacets(): Facets {
  return { outlet: [], month: [], place: [], language: [], person: [], org: [], mentionedPlace: [], entitiesCounted: 0 }
}

/** What tests and benchmarks may set: how matches are read (matches.ts), and the entity facets' sample. */
export interface SearchTuning extends Partial<MatchTuning> {
  entitySample?: number
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
    const { ranked, matched, headline } = readMatches(engine, root!, compiled.match, expand, meta, sort, { rankLimit, rankPhrasesHere: tuning.rankPhrasesHere })
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
      if (headline) {
        ranking = 'headline-then-date'
        for (const [id, rank] of headline) scores.set(id, rank)
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
