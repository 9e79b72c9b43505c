import type { AnnalistApi } from '../../shared/api'
import { listArticleTags } from '../archive/repo/article-tags'
import { setArticleTagsAction, tagArticlesAction } from '../articles/tags'
import type { BackendContext } from './context'

/**
 * Article tags. Each change is one undoable action (Ctrl/Cmd+Z) and is announced as
 * `chronologyChanged`, the event the open views already refresh on after article edits and undo.
 */
export function articleTagsApi(ctx: BackendContext): Pick<AnnalistApi, 'setArticleTags' | 'tagArticles' | 'listArticleTags'> {
  const announce = (action: string, articleIds: number[]): void =>
    ctx.emit('chronologyChanged', { action, eventIds: [], articleIds })
  return {
    async setArticleTags({ id, tags }) {
      const stored = setArticleTagsAction(ctx.archive.db, id, tags)
      announce('setArticleTags', [id])
      return { id, tags: stored }
    },
    async tagArticles({ ids, add, remove }) {
      const result = tagArticlesAction(ctx.archive.db, ids, add, remove)
      announce('tagArticles', [...new Set(ids)])
      return result
    },
    async listArticleTags({ prefix, limit }) {
      return listArticleTags(ctx.archive.db, prefix, limit)
    }
  }
}
