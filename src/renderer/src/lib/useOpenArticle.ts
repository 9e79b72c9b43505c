import { useEffect, useState } from 'react'
import type { Citation } from '../../../shared/chronology'
import type { ArticleDetail } from '../../../shared/types'
import { api } from '../api/client'
import type { Range } from './highlight'

export interface OpenArticle {
  article: ArticleDetail | null
  setArticle(a: ArticleDetail): void
  loading: boolean
  /** Matches of the current query in the article's clean text. */
  hits: Range[]
  /** Citations into the article, orphaned ones included. */
  citations: Citation[]
}

/** Loads the result of `fn` whenever `deps` change, dropping answers that arrive after a newer request. */
function useLatest<T>(fn: () => Promise<T> | null, empty: T, deps: unknown[], onError?: () => void): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(empty)
  useEffect(() => {
    const pending = fn()
    if (!pending) {
      setValue(empty)
      return
    }
    let stale = false
    pending.then(
      (v) => {
        if (!stale) setValue(v)
      },
      () => {
        if (stale) return
        setValue(empty)
        onError?.()
      }
    )
    return () => {
      stale = true
    }
    // The caller's deps decide when to reload.
  }, deps)
  return [value, setValue]
}

/**
 * Everything the Reader shows for the open article: its text, the query's matches in it and the
 * citations into it, each reloaded when the archive (`version`) or the chronology (`revision`)
 * changes. `onMissing` runs when the article no longer exists (deleted since it was remembered).
 */
export function useOpenArticle(openId: number | null, query: string, fuzzy: boolean, version: number, revision: number, onMissing: () => void): OpenArticle {
  const [loading, setLoading] = useState(false)
  const [article, setArticle] = useLatest<ArticleDetail | null>(
    () => {
      if (openId === null) return null
      setLoading(true)
      return api.getArticle({ id: openId }).finally(() => setLoading(false))
    },
    null,
    [openId, version],
    onMissing
  )
  const [hits] = useLatest<Range[]>(
    () => (openId === null || query.trim() === '' ? null : api.highlightArticle({ articleId: openId, query, fuzzy }).then((h) => h.ranges)),
    [],
    [openId, query, fuzzy, version]
  )
  const [citations] = useLatest<Citation[]>(() => (openId === null ? null : api.listArticleCitations({ articleId: openId })), [], [openId, revision])
  return { article, setArticle, loading, hits, citations }
}
