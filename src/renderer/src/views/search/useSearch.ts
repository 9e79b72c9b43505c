import { useState } from 'react'
import type { SearchQuery, SearchResult } from '../../../../shared/search'
import { errorMessage } from '../../data/errors'
import { useApiQuery } from '../../data/hooks'
import { INLINE } from '../../data/meta'

/** Hits per page: one screenful; snippets cost the backend per hit, so as-you-type stays fast. */
export const SEARCH_PAGE = 20

export interface SearchState {
  result: SearchResult | null
  /** The query `result` answers (it may lag what is typed). */
  answered: string
  pending: boolean
  error: string | null
}

const sameSearch = (a: SearchQuery, b: SearchQuery): boolean => a.query === b.query && a.fuzzy === b.fuzzy && a.sort === b.sort && a.limit === b.limit

/**
 * Search-as-you-type, debounced by the round trip instead of a timer: the text typed is asked
 * for once the search before it has answered, so keystrokes typed meanwhile become one search
 * for the latest text. Each answer is cached under its own query, and the result shown is
 * always the one for the text asked last: a late answer to older text can never replace it.
 */
export function useSearch(q: SearchQuery, limit: number): SearchState {
  const typed: SearchQuery = { ...q, limit }
  const [asked, setAsked] = useState<SearchQuery>(typed)
  const empty = asked.query.trim() === ''
  const search = useApiQuery('search', empty ? null : asked, { meta: INLINE })
  // While a new search runs the last answer stays on screen; an emptied box forgets it.
  const [lastAnswer, setLastAnswer] = useState<SearchResult | null>(null)
  const cleared = typed.query.trim() === ''
  // State adjusted to what is typed during render (not in an effect): React re-renders at once.
  if (cleared) {
    if (lastAnswer !== null) setLastAnswer(null)
  } else if (search.data && search.data !== lastAnswer) setLastAnswer(search.data)
  const settled = empty || !search.isFetching
  if (settled && !sameSearch(asked, typed)) setAsked(typed)
  const result = cleared ? null : (search.data ?? lastAnswer)
  return {
    result,
    answered: result?.query.text ?? '',
    pending: !sameSearch(asked, typed) || search.isFetching,
    error: search.error ? errorMessage(search.error) : null
  }
}
