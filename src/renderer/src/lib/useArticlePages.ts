import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleSort, ArticleSummary } from '../../../shared/types'
import { api } from '../api/client'

export const PAGE_SIZE = 200

export interface ArticlePages {
  total: number
  /** The article at `index`, or undefined while its page is loading. */
  at(index: number): ArticleSummary | undefined
  /** Loads the pages covering rows first..last (call from the list's visible range). */
  ensure(first: number, last: number): void
  /** Index of an article among the loaded rows, or -1. */
  indexOf(id: number): number
  loaded: boolean
}

/**
 * The Library's rows, fetched a page at a time as the list scrolls so 100,000 articles never
 * cross the wire at once. `version` changes (after an import or edit) drop the cache.
 */
export function useArticlePages(sort: ArticleSort, order: 'asc' | 'desc', version: number): ArticlePages {
  const pages = useRef(new Map<number, ArticleSummary[]>())
  const inflight = useRef(new Set<number>())
  const generation = useRef(0)
  const [total, setTotal] = useState(0)
  const [loaded, setLoaded] = useState(false)
  const [, setTick] = useState(0)

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inflight.current.has(page)) return
      inflight.current.add(page)
      const gen = generation.current
      void api
        .listArticles({ limit: PAGE_SIZE, offset: page * PAGE_SIZE, sort, order })
        .then((res) => {
          if (gen !== generation.current) return
          pages.current.set(page, res.items)
          setTotal(res.total)
          setLoaded(true)
          setTick((t) => t + 1)
        })
        .finally(() => inflight.current.delete(page))
    },
    [sort, order]
  )

  useEffect(() => {
    generation.current++
    pages.current = new Map()
    inflight.current = new Set()
    fetchPage(0)
  }, [fetchPage, version])

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) fetchPage(p)
    },
    [fetchPage]
  )

  return {
    total,
    loaded,
    ensure,
    at: (index) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    indexOf(id) {
      for (const [page, items] of pages.current) {
        const i = items.findIndex((a) => a.id === id)
        if (i >= 0) return page * PAGE_SIZE + i
      }
      return -1
    }
  }
}
