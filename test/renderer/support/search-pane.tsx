import { render } from '@testing-library/react'
import { useState } from 'react'
import type { Facets, SearchResult } from '../../../src/shared/search'
import { DataProvider } from '../../../src/renderer/src/data/DataProvider'
import { SearchPane } from '../../../src/renderer/src/views/search/SearchPane'
import { fakeClient, type Handlers } from './fake-client'

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

/** The search pane over a fake backend answering `search` as given, and its search box. */
export function renderSearchPane(search: NonNullable<Handlers['search']>, onOpen: (id: number) => void = () => undefined) {
  const fake = fakeClient({ search, suggest: () => [], listSavedSearches: () => [] })
  function Pane() {
    const [query, setQuery] = useState('')
    return (
      <SearchPane query={query} onQuery={setQuery} fuzzy={false} onFuzzy={() => undefined} openId={null} onOpen={onOpen}>
        <p>library</p>
      </SearchPane>
    )
  }
  const view = render(
    <DataProvider client={fake.client}>
      <Pane />
    </DataProvider>
  )
  return { container: view.container, box: view.container.querySelector<HTMLInputElement>('#search-input')! }
}
