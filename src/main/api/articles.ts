import type { AnnalistApi } from '../../shared/api'
import { getArticle, listArticles } from '../archive/repo/articles'
import { findQuote } from '../chronology/anchor'
import { articleText } from '../chronology/citations'
import { nameArticle } from '../archive/article-name'
import type { BackendContext } from './context'

/** Library and reader methods. */
export function articlesApi(ctx: BackendContext): Pick<AnnalistApi, 'listArticles' | 'getArticle' | 'locateQuote'> {
  return {
    async listArticles(query) {
      return listArticles(ctx.archive.db, query)
    },
    async getArticle({ id }) {
      return getArticle(ctx.archive.db, id)
    },
    async locateQuote({ articleId, quote }) {
      return findQuote(articleText(ctx.archive.db, articleId).text, quote, nameArticle(ctx.archive.db, articleId))
    }
  }
}
