import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticlePage, ArticleSort, ArticleSummary, ListArticlesQuery } from '../../../shared/types'
import { useApi } from '../data/context'
import { callApi } from '../data/hooks'
import { apiKey } from '../data/keys'

export const PAGE_SIZE = 200
/** Wait for scrolling to pause this long before fetching, so a fling does not fetch every page it passes. */
const SETTLE_MS = 50

export interface ArticlePages {
  total: number
  /** The article at `index`, or undefined while its page is loading. */
  at(index: number): ArticleSummary | undefined
  /** Loads the pages covering rows first..last (call from the list's visible range). */
  ensure(first: number, last: number): void
  loaded: boolean
}

const pageArgs = (page: number, sort: ArticleSort, order: 'asc' | 'desc'): ListArticlesQuery => ({ limit: PAGE_SIZE, offset: page * PAGE_SIZE, sort, order })

/**
 * The Library's rows, a cached query per page of 200, so 100,000 articles never cross the wire
 * at once. Only the pages in view when scrolling pauses are asked for. After a change the rows
 * on screen stay until their page's new answer arrives, so the list never flashes empty.
 */
export function useArticlePages(sort: ArticleSort, order: 'asc' | 'desc'): ArticlePages {
  const client = useApi()
  const qc = useQueryClient()
  const [wanted, setWanted] = useState<[number, number]>([0, 0])
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => () => clearTimeout(timer.current ?? undefined), [])

  const visible: number[] = []
  for (let p = wanted[0]; p <= wanted[1]; p++) visible.push(p)
  const answers = useQueries({
    queries: visible.map((p) => {
      const args = pageArgs(p, sort, order)
      return { queryKey: apiKey('listArticles', args), queryFn: () => callApi(client, 'listArticles', args) }
    })
  })

  const cached = (page: number): ArticlePage | undefined => qc.getQueryData(apiKey('listArticles', pageArgs(page, sort, order)))
  // The newest total among the pages in view, else from any page of this order already cached.
  const shown = answers.find((a) => a.data)?.data ?? cached(0)

  const ensure = useCallback((first: number, last: number) => {
    const next: [number, number] = [Math.floor(first / PAGE_SIZE), Math.floor(last / PAGE_SIZE)]
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => setWanted((w) => (w[0] === next[0] && w[1] === next[1] ? w : next)), SETTLE_MS)
  }, [])

  return {
    total: shown?.total ?? 0,
    loaded: shown !== undefined,
    ensure,
    at: (index) => cached(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE]
  }
}
