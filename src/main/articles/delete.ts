/**
 * Deleting articles, any number of them as one undoable action, so one undo brings back the
 * whole selection whatever its size (the history keeps actions, not rows).
 */
import type { Db } from '../archive/db'
import type { DeleteArticlesResult, RefusedDelete } from '../../shared/chronology'
import { listed, quoted } from '../../shared/listing'
import { journaledAction } from '../archive/journal'

/**
 * Deletes every given article that no event cites, in one journaled action; cited articles and
 * ids not in the archive are left alone and reported by title with the reason.
 */
export function deleteArticles(db: Db, ids: readonly number[]): DeleteArticlesResult {
  const wanted = [...new Set(ids)]
  const json = JSON.stringify(wanted)
  const titles = new Map(
    db
      .prepare<[string], { id: number; title: string }>('SELECT id, title FROM articles WHERE id IN (SELECT value FROM json_each(?))')
      .all(json)
      .map((a) => [a.id, a.title])
  )
  const citing = new Map<number, string[]>()
  const rows = db
    .prepare<[string], { articleId: number; title: string }>(
      `SELECT DISTINCT c.article_id AS articleId, e.id, e.title FROM citations c JOIN events e ON e.id = c.event_id
       WHERE c.article_id IN (SELECT value FROM json_each(?)) ORDER BY e.id`
    )
    .all(json)
  for (const r of rows) citing.set(r.articleId, [...(citing.get(r.articleId) ?? []), quoted(r.title)])

  const deleted: DeleteArticlesResult['deleted'] = []
  const refused: RefusedDelete[] = []
  for (const id of wanted) {
    const title = titles.get(id)
    const events = citing.get(id)
    if (title === undefined) refused.push({ id, title: `article ${id}`, reason: `article ${id} is not in the archive` })
    else if (events) refused.push({ id, title, reason: `${quoted(title)} is cited by ${events.length === 1 ? 'event' : 'events'} ${listed(events)}` })
    else deleted.push({ id, title })
  }
  if (deleted.length === 0) return { deleted, refused, actionId: null }

  const label = deleted.length === 1 ? `Delete article "${deleted[0]!.title}"` : `Delete ${deleted.length} articles`
  const { actionId } = journaledAction(db, label, () => {
    db.prepare('DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(deleted.map((a) => a.id)))
  })
  return { deleted, refused, actionId }
}
