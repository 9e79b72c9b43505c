import { useEffect, useRef, useState } from 'react'
import type { SearchQuery, SearchResult } from '../../../../shared/search'
import type { SearchBackend } from './backend'

/** Quiet period after a keystroke before searching; short, because the backend answers in milliseconds. */
export const SEARCH_DEBOUNCE_MS = 30
export const SEARCH_PAGE = 50

export interface SearchState {
  result: SearchResult | null
  /** The query `result` answers (it may lag what is typed). */
  answered: string
  pending: boolean
  error: string | null
}

/**
 * Search-as-you-type: each change waits a short debounce, and a response is applied only if it
 * answers the newest query; responses to older queries that arrive late are dropped.
 */
export function useSearch(backend: SearchBackend | null, q: SearchQuery, limit: number): SearchState {
  const [state, setState] = useState<SearchState>({ result: null, answered: '', pending: false, error: null })
  const seq = useRef(0)
  const key = JSON.stringify({ ...q, limit })

  useEffect(() => {
    if (!backend || q.query.trim() === '') {
      seq.current++
      setState({ result: null, answered: '', pending: false, error: null })
      return
    }
    const mine = ++seq.current
    setState((s) => ({ ...s, pending: true }))
    const timer = setTimeout(() => {
      backend
        .search({ ...q, limit })
        .then((result) => {
          if (mine === seq.current) setState({ result, answered: q.query, pending: false, error: null })
        })
        .catch((err: unknown) => {
          if (mine === seq.current) setState((s) => ({ ...s, pending: false, error: err instanceof Error ? err.message : String(err) }))
        })
    }, SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [backend, key])

  return state
}
