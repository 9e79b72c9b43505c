import type { AnnalistApi } from '../../shared/api'
import { listArticleTags, setArticleTags, tagArticles } from '../archive/repo/article-tags'
import { journaled } from '../chronology/journal'
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
      const db = ctx.archive.db
      const stored = journaled(db, `Set tags of article ${id}`, () => setArticleTags(db, id, tags))
      announce('setArticleTags', [id])
      return { id, tags: stored }
    },
    async tagArticles({ ids, add, remove }) {
      const db = ctx.archive.db
      const parts = [add?.length ? `add ${add.join(', ')}` : '', remove?.length ? `remove ${remove.join(', ')}` : ''].filter(Boolean)
      const label = `Tag ${ids.length} article${ids.length === 1 ? '' : 's'}: ${parts.join('; ')}`
      const result = journaled(db, label, () => tagArticles(db, ids, add, remove))
      announce('tagArticles', ids)
      return result
    },
    async listArticleTags({ prefix, limit }) {
      return listArticleTags(ctx.archive.db, prefix, limit)
    }
  }
}
