/** Articles an FTS5 expression matches, read straight from the search index. */
import type { Db } from '../db'
import { prepared } from '../statements'

/**
 * The articles `match` matches, joined by commas (null for none): tens of thousands of rows read
 * as one, which costs about half of stepping them (joined.ts reads it).
 */
export function matchingIdsJoined(db: Db, match: string): string | null {
  return prepared(db, 'SELECT group_concat(rowid) FROM search_fts WHERE search_fts MATCH ?').pluck(true).get(match) as string | null
}

/** Those of `ids` that `match` matches: one index seek per id, for a few ids only. */
export function matchingIdsAmong(db: Db, match: string, ids: readonly number[]): number[] {
  return prepared(db, 'SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))')
    .pluck(true)
    .all(match, JSON.stringify(ids)) as number[]
}
