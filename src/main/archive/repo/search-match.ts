/** Articles an FTS5 expression matches, read straight from the search index. */
import type { Db } from '../db'
import { prepared } from '../statements'

/**
 * The articles `match` matches, joined by commas, and the highest of them (null for none): tens
 * of thousands of rows read as one string instead of an array of as many numbers (joined.ts reads
 * it). That is for memory (common-ids.ts), not speed: for a word in 90,000 of 101,335 articles,
 * read and set in a bitmap, 19–21 ms against 17–18 stepping the rows (three runs, 60 words).
 */
export function matchingIdsJoined(db: Db, match: string): { joined: string; highest: number } | null {
  const [joined, highest] = prepared(db, 'SELECT group_concat(rowid), max(rowid) FROM search_fts WHERE search_fts MATCH ?')
    .raw(true)
    .get(match) as [string | null, number | null]
  return joined === null ? null : { joined, highest: highest! }
}

/** Those of `ids` that `match` matches: one index seek per id, for a few ids only. */
export function matchingIdsAmong(db: Db, match: string, ids: readonly number[]): number[] {
  return prepared(db, 'SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))')
    .pluck(true)
    .all(match, JSON.stringify(ids)) as number[]
}
