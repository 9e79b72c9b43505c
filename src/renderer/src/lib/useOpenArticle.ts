import { useEffect } from 'react'
import type { Citation } from '../../../shared/chronology'
import type { Mention } from '../../../shared/entities'
import type { ArticleHighlights } from '../../../shared/search'
import type { ArticleDetail } from '../../../shared/types'
import { useApiQuery } from '../data/hooks'
import { INLINE } from '../data/meta'
import type { Range } from './highlight'

export interface OpenArticle {
  article: ArticleDetail | null
  loading: boolean
  /** Matches of the current query in the article's clean text. */
  hits: Range[]
  /** Citations into the article, orphaned ones included. */
  citations: Citation[]
  /** The people, organisations and places named in it. */
  mentions: Mention[]
}

const NO_HITS: Range[] = []
const NO_CITATIONS: Citation[] = []
const NO_MENTIONS: Mention[] = []
const ranges = (h: ArticleHighlights): Range[] => h.ranges

/**
 * Everything the Reader shows for the open article: its text, the query's matches in it and the
 * citations into it. `onMissing` runs when the article cannot be read (deleted since it was
 * remembered, or gone with another archive).
 */
export function useOpenArticle(openId: number | null, query: string, fuzzy: boolean, onMissing: () => void): OpenArticle {
  const article = useApiQuery('getArticle', openId === null ? null : { id: openId }, { meta: INLINE })
  const hits = useApiQuery('highlightArticle', openId === null || query.trim() === '' ? null : { articleId: openId, query, fuzzy }, { select: ranges, meta: INLINE })
  const citations = useApiQuery('listArticleCitations', openId === null ? null : { articleId: openId })
  // Marks only: without them the text still reads and cites, so a failure is not shown.
  const mentions = useApiQuery('articleMentions', openId === null ? null : { articleId: openId }, { meta: INLINE })
  const missing = openId !== null && article.isError
  useEffect(() => {
    if (missing) onMissing()
  }, [missing, onMissing])
  return {
    article: article.data ?? null,
    loading: article.isFetching,
    hits: hits.data ?? NO_HITS,
    citations: citations.data ?? NO_CITATIONS,
    mentions: mentions.data ?? NO_MENTIONS
  }
}
