import type { Facets, SearchResult } from '../../../src/shared/search'

/** A hit with only its id and title: what the search pane's list needs. */
const hit = (articleId: number) => ({ articleId, title: `Article ${articleId}`, outlet: null, published: null, byline: null, place: null, url: null, language: null, score: 1, snippets: [] })

/** An answer to `text` listing `ids`, with no facets unless given (and `total` the ids' number unless given). */
export const searchAnswer = (text: string, ids: number[], more: { total?: number; facets?: Partial<Facets> } = {}): SearchResult =>
  ({
    query: { text, parsed: { readAs: text, warnings: [] } },
    total: more.total ?? ids.length,
    hits: ids.map(hit),
    facets: { outlet: [], month: [], place: [], language: [], person: [], org: [], mentionedPlace: [], entitiesCounted: ids.length, ...more.facets },
    expansions: {},
    ranking: 'relevance',
    elapsedMs: 1
  }) as unknown as SearchResult
