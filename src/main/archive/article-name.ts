/** Naming an article in backend messages and undo labels by title, outlet and date, as the app shows it. */
import type { Db } from './db'
import { articleNames } from './repo/articles'
import { articleLabel } from '../../shared/article-label'

/** “Title” (outlet, date); `article <id>` only when the article is gone and nothing else names it. */
export function nameArticle(db: Db, id: number): string {
  const [named] = articleNames(db, [id])
  return named ? articleLabel(named) : `article ${id}`
}
