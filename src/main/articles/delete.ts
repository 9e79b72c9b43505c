/**
 * Deleting articles, any number of them as one undoable action, so one undo brings back the
 * whole selection whatever its size (the history keeps actions, not rows).
 */
import type { Db } from '../archive/db'
import type { DeleteArticlesResult, RefusedDelete } from '../../shared/chronology'
import { listed, quoted } from '../../shared/listing'
import { journaledAction } from '../archive/journal'
import { articleTitles, citingEventTitles, deleteArticleRows } from '../archive/repo/article-edits'

/**
 * Deletes every given article that no event cites, in one journaled action; cited articles and
 * ids not in the archive are left alone and reported by title with the reason.
 */
export function deleteArticles(db: Db, ids: readonly number[]): DeleteArticlesResult {
  const wanted = [...new Set(ids)]
  const titles = articleTitles(db, wanted)
  const citing = citingEventTitles(db, wanted)

  const deleted: DeleteArticlesResult['deleted'] = []
  const refused: RefusedDelete[] = []
  for (const id of wanted) {
    const title = titles.get(id)
    const events = citing.get(id)
    if (title === undefined) refused.push({ id, title: `article ${id}`, reason: `article ${id} is not in the archive` })
    else if (events) {
      const named = events.map((t) => quoted(t))
      refused.push({ id, title, reason: `${quoted(title)} is cited by ${named.length === 1 ? 'event' : 'events'} ${listed(named)}` })
    } else deleted.push({ id, title })
  }
  if (deleted.length === 0) return { deleted, refused, actionId: null }

  const label = deleted.length === 1 ? `Delete article "${deleted[0]!.title}"` : `Delete ${deleted.length} articles`
  const { actionId } = journaledAction(db, label, () => {
    deleteArticleRows(db, deleted.map((a) => a.id))
  })
  return { deleted, refused, actionId }
}
