import type { Db } from '../archive/db'
import { articleTexts } from '../archive/repo/entity-writes'
import { extractMentions } from './extract'
import { storeArticleMentions } from './store'

/**
 * Extracts an article's entities again after its clean text changed (an edit, a boilerplate
 * line removed): the old offsets no longer point at the names. Runs inside the caller's action,
 * so undoing the change restores the old mentions with the old text.
 */
export function reextractArticles(db: Db, ids: readonly number[]): void {
  for (const a of articleTexts(db, ids)) storeArticleMentions(db, a.id, extractMentions(a.text, a.language))
}
