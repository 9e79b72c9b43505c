import type { Db } from '../archive/db'
import { articleTexts } from '../archive/repo/entity-writes'
import { extractMentions } from './extract'
import type { Decisions } from './decisions'
import { loadDecisions, storeArticleMentions } from './store'

/**
 * Extracts an article's entities again after its clean text changed (an edit, a boilerplate
 * line removed): the old offsets no longer point at the names. Runs inside the caller's action,
 * so undoing the change restores the old mentions with the old text. The user's decisions are
 * read once for all of them (a user with thousands of corrections paid for reading them per article).
 */
export function reextractArticles(db: Db, ids: readonly number[], decisions: Decisions = loadDecisions(db)): void {
  for (const a of articleTexts(db, ids)) storeArticleMentions(db, a.id, extractMentions(a.text, a.language), decisions)
}
