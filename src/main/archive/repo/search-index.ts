/**
 * Upkeep of the FTS5 search index's segments. Each commit that indexes articles adds a segment;
 * FTS5 merges segments of one level four at a time, so an archive grown by many imports keeps a
 * dozen or more of them, each repeating the terms they share and each searched by every query.
 * Merging them all into one (FTS5's 'merge' command with a negative page count is an 'optimize'
 * done a step at a time) gives the space back and leaves one segment to read.
 */
import type { Db } from '../db'
import { prepared } from '../statements'
import { readSetting, writeSetting } from './settings'

/**
 * Merges at most about `pages` leaf pages of the index's segments in the caller's transaction.
 * True when it did some merging; false once all segments are one (or the index is empty).
 */
export function mergeSearchIndexStep(db: Db, pages: number): boolean {
  // FTS5 reports work done through the change counter: 2 or more when a merge step wrote pages.
  const changes = prepared(db, 'SELECT total_changes()').pluck(true)
  const before = changes.get() as number
  prepared(db, "INSERT INTO search_fts(search_fts, rank) VALUES ('merge', ?)").run(-Math.max(1, Math.round(pages)))
  return (changes.get() as number) - before >= 2
}

/**
 * How far the archive has grown: its highest article id. A growth measure, not a count (deleted
 * articles leave gaps), read from the primary key's last page where a count would read them all.
 */
export function articleIdCeiling(db: Db): number {
  return prepared(db, 'SELECT coalesce(max(id), 0) FROM articles').pluck(true).get() as number
}

const MERGED_AT_SETTING = 'search.index.mergedAtArticle'

/** The highest article id when the search index was last merged into one segment (0: never). */
export function searchIndexMergedAt(db: Db): number {
  return Number(readSetting(db, MERGED_AT_SETTING) ?? 0)
}

export function markSearchIndexMerged(db: Db): void {
  writeSetting(db, MERGED_AT_SETTING, String(articleIdCeiling(db)))
}
