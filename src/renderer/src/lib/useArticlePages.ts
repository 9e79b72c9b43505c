import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleSort, ArticleSummary } from '../../../shared/types'
import { api } from '../api/client'

export const PAGE_SIZE = 200
/** Wait for scrolling to pause this long before fetching, so a fling does not queue every page it passes. */
const SETTLE_MS = 50
const MAX_INFLIGHT = 2

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
 * cross the wire at once. Only the pages in view when scrolling pauses are fetched, at most two
 * at a time, so a fast scroll never leaves a queue of stale requests ahead of the rows on screen.
 * `version` changes (after an import or edit) drop the cache.
 */
export function useArticlePages(sort: ArticleSort, order: 'asc' | 'desc', version: number): ArticlePages {
  // Each page remembers the generation it was fetched in; after an import or edit the old rows
  // stay on screen until their page is fetched again, so the list never flashes empty.
  const pages = useRef(new Map<number, { gen: number; items: ArticleSummary[] }>())
  const inflight = useRef(new Set<number>())
  const generation = useRef(0)
  const wanted = useRef<[number, number]>([0, 0])
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [total, setTotal] = useState(0)
  const [loaded, setLoaded] = useState(false)
  const [, setTick] = useState(0)

  const fetchPage = useCallback(
    (page: number, done: () => void) => {
      inflight.current.add(page)
      const gen = generation.current
      void api
        .listArticles({ limit: PAGE_SIZE, offset: page * PAGE_SIZE, sort, order })
        .then((res) => {
          if (gen !== generation.current) return
          pages.current.set(page, { gen, items: res.items })
          setTotal(res.total)
          setLoaded(true)
          setTick((t) => t + 1)
        })
        .finally(() => {
          inflight.current.delete(page)
          if (gen === generation.current) done()
        })
    },
    [sort, order]
  )

  const pump = useCallback(() => {
    const [first, last] = wanted.current
    for (let p = first; p <= last && inflight.current.size < MAX_INFLIGHT; p++) {
      if (pages.current.get(p)?.gen !== generation.current && !inflight.current.has(p)) fetchPage(p, pump)
    }
  }, [fetchPage])

  // A new sort order makes every cached row wrong: start over from the top.
  useEffect(() => {
    pages.current = new Map()
    wanted.current = [0, 0]
  }, [sort, order])

  useEffect(() => {
    generation.current++
    inflight.current = new Set()
    pump()
  }, [pump, version])

  const ensure = useCallback(
    (first: number, last: number) => {
      wanted.current = [Math.floor(first / PAGE_SIZE), Math.floor(last / PAGE_SIZE)]
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(pump, SETTLE_MS)
    },
    [pump]
  )

  return {
    total,
    loaded,
    ensure,
    at: (index) => pages.current.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE],
    indexOf(id) {
      for (const [page, { items }] of pages.current) {
        const i = items.findIndex((a) => a.id === id)
        if (i >= 0) return page * PAGE_SIZE + i
      }
      return -1
    }
  }
}
