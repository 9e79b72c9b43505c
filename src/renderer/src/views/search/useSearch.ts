import { useCallback, useEffect, useRef, useState } from 'react'
import type { SearchQuery, SearchResult } from '../../../../shared/search'
import type { SearchBackend } from './backend'

/** Hits per page: one screenful; snippets cost the backend per hit, so as-you-type stays fast. */
export const SEARCH_PAGE = 20

export interface SearchState {
  result: SearchResult | null
  /** The query `result` answers (it may lag what is typed). */
  answered: string
  pending: boolean
  error: string | null
}

interface Request {
  q: SearchQuery
  seq: number
}

/**
 * Search-as-you-type, debounced by the round trip instead of a timer: a keystroke searches at
 * once when no search is running; keystrokes that arrive while one runs are coalesced into a
 * single search for the latest text when it returns. A response is applied only if it answers
 * the newest text; late answers to older text are dropped. A new `revision` (the archive changed)
 * asks again for the same text.
 */
export function useSearch(backend: SearchBackend, q: SearchQuery, limit: number, revision = 0): SearchState {
  const [state, setState] = useState<SearchState>({ result: null, answered: '', pending: false, error: null })
  const seq = useRef(0)
  const inflight = useRef(false)
  const queued = useRef<Request | null>(null)
  const key = JSON.stringify({ ...q, limit, revision })

  const send = useCallback(
    (req: Request) => {
      inflight.current = true
      backend
        .search(req.q)
        .then((result) => {
          if (req.seq === seq.current) setState({ result, answered: req.q.query, pending: false, error: null })
        })
        .catch((err: unknown) => {
          if (req.seq === seq.current) setState((s) => ({ ...s, pending: false, error: err instanceof Error ? err.message : String(err) }))
        })
        .finally(() => {
          inflight.current = false
          const next = queued.current
          queued.current = null
          if (next && next.seq === seq.current) send(next)
        })
    },
    [backend]
  )

  useEffect(() => {
    const mine = ++seq.current
    if (q.query.trim() === '') {
      queued.current = null
      setState({ result: null, answered: '', pending: false, error: null })
      return
    }
    setState((s) => (s.pending ? s : { ...s, pending: true }))
    const req = { q: { ...q, limit }, seq: mine }
    if (inflight.current) queued.current = req
    else send(req)
    // `key` stands for q, limit and revision.
  }, [key, send])

  return state
}
