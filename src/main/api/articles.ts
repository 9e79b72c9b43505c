import type { AnnalistApi } from '../../shared/api'
import { getArticle, listArticles } from '../archive/repo/articles'
import type { BackendContext } from './context'

/** Library and reader methods. */
export function articlesApi(ctx: BackendContext): Pick<AnnalistApi, 'listArticles' | 'getArticle'> {
  return {
    async listArticles(query) {
      return listArticles(ctx.archive.db, query)
    },
    async getArticle({ id }) {
      return getArticle(ctx.archive.db, id)
    }
  }
}
