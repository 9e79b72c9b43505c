/**
 * Deleting articles, any number of them as one undoable action, so one undo brings back the
 * whole selection whatever its size (the history keeps actions, not rows).
 */
import type { Db } from '../archive/db'
import type { DeleteArticlesResult, RefusedDelete } from '../../shared/chronology'
import { articleLabel } from '../../shared/article-label'
import { listed, quoted } from '../../shared/listing'
import { journaledAction } from '../archive/journal'
import { citingEventTitles, deleteArticleRows } from '../archive/repo/article-edits'
import { articleNames } from '../archive/repo/articles'
import { articlesSpellingCounts, countArticleMentions } from '../archive/repo/entity-writes'

/**
 * Deletes every given article that no event cites, in one journaled action; cited articles and
 * ids not in the archive are left alone and reported with the reason, cited ones named by title,
 * outlet and date (two articles may share a title).
 */
export function deleteArticles(db: Db, ids: readonly number[]): DeleteArticlesResult {
  const wanted = [...new Set(ids)]
  const named = new Map(articleNames(db, wanted).map((a) => [a.id, a]))
  const citing = citingEventTitles(db, wanted)

  const deleted: DeleteArticlesResult['deleted'] = []
  const refused: RefusedDelete[] = []
  for (const id of wanted) {
    const article = named.get(id)
    const events = citing.get(id)
    // Nothing is left to name an id that is gone by; it is what the caller sent.
    if (article === undefined) refused.push({ id, title: `article ${id}`, reason: `article ${id} is not in the archive` })
    else if (events) {
      const eventNames = events.map((t) => quoted(t))
      refused.push({ id, title: article.title, reason: `${articleLabel(article)} is cited by ${eventNames.length === 1 ? 'event' : 'events'} ${listed(eventNames)}` })
    } else deleted.push({ id, title: article.title })
  }
  if (deleted.length === 0) return { deleted, refused, actionId: null }

  const label = deleted.length === 1 ? `Delete article "${deleted[0]!.title}"` : `Delete ${deleted.length} articles`
  const { actionId } = journaledAction(db, label, () => {
    // Their mentions go by cascade; the entities they named first lose what the articles gave
    // them (one named only there keeps its row, at zero), all articles at once, so each entity
    // and spelling is written and journaled once. Recounting those entities from all their
    // mentions instead read every mention of the most named ones: 11.8 s for 100 articles of
    // 100,000 generated ones.
    const ids = deleted.map((a) => a.id)
    const { counts, articles } = articlesSpellingCounts(db, ids)
    countArticleMentions(db, counts, -1, articles)
    deleteArticleRows(db, ids)
  })
  return { deleted, refused, actionId }
}
