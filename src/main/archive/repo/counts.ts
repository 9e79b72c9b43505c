import type { Db } from '../db'
import { get, sql } from '../sql'

export interface ArchiveCounts {
  articles: number
  events: number
  chronologies: number
  files: number
  /** The database's pages plus the originals as recorded at import (WAL and temp files left out). */
  sizeBytes: number
}

/**
 * Counts and size read from the database alone: asked after every edit, so it must never walk
 * the folder and stat every original.
 */
export function archiveCounts(db: Db): ArchiveCounts {
  return get<ArchiveCounts>(
    db,
    sql`SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,
      (SELECT count(*) FROM chronologies) AS chronologies, (SELECT count(*) FROM files) AS files,
      (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()) + (SELECT coalesce(sum(size), 0) FROM files) AS sizeBytes`
  )!
}
