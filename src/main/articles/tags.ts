/** Article tag changes as undoable actions, shared by the app's API and the CLI. */
import type { Db } from '../archive/db'
import { setArticleTags, tagArticles } from '../archive/repo/article-tags'
import type { TagArticlesResult } from '../../shared/article-tags'
import { journaled } from '../archive/journal'
import { nameArticle } from '../archive/article-name'

/** Undo labels name the tags; a long list is cut so menus stay readable. */
function short(label: string): string {
  return label.length > 120 ? `${label.slice(0, 119)}…` : label
}

/** Replaces one article's tags as one undoable action; returns the stored names. */
export function setArticleTagsAction(db: Db, id: number, tags: readonly string[]): string[] {
  return journaled(db, short(`Set tags of ${nameArticle(db, id)}`), () => setArticleTags(db, id, tags))
}

/** Adds and/or removes tags on many articles as one undoable action. */
export function tagArticlesAction(
  db: Db,
  ids: readonly number[],
  add: readonly string[] = [],
  remove: readonly string[] = []
): TagArticlesResult {
  const parts = [add.length ? `add ${add.join(', ')}` : '', remove.length ? `remove ${remove.join(', ')}` : ''].filter(Boolean)
  const n = new Set(ids).size
  const label = short(`Tag ${n} article${n === 1 ? '' : 's'}: ${parts.join('; ')}`)
  return journaled(db, label, () => tagArticles(db, ids, add, remove))
}
