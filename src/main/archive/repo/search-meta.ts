/**
 * What search filters and counts on: per-article columns read as plain arrays (100,000 rows of
 * integers load in a fraction of the time the same rows take as objects or date strings), and
 * the article ids of outlet, tag and `has:cited` filters.
 */
import type { Db } from '../db'
import { prepared } from '../statements'
import { all, sql, sqlList } from '../sql'
import type { PublishedColumns } from './published'

/** id, source, earliest day, latest day, month bucket (year*12+month-1, or -year), language, place. */
export type MetaRow = [number, number | null, number | null, number | null, number | null, string | null, string | null]

/**
 * Every article's meta columns through the `search_article_meta` covering index (never the wide
 * rows); days are counted from 1970-01-01 by SQLite.
 */
export function articleMetaRows(db: Db): MetaRow[] {
  return prepared(db, `${META_COLUMNS} FROM article_store INDEXED BY search_article_meta`).pluck(false).raw(true).all() as MetaRow[]
}

const META_COLUMNS = `SELECT id, source_id,
       CAST(julianday(published_earliest) - 2440587.5 AS INTEGER),
       CAST(julianday(published_latest) - 2440587.5 AS INTEGER),
       CASE WHEN published_earliest IS NULL THEN NULL
            WHEN substr(published_earliest, 1, 7) = substr(published_latest, 1, 7)
              THEN substr(published_earliest, 1, 4) * 12 + substr(published_earliest, 6, 2) - 1
            ELSE -substr(published_earliest, 1, 4) END,
       language, place`

/** The meta columns of the articles among `ids` that still exist. */
export function articleMetaRowsAmong(db: Db, ids: readonly number[]): MetaRow[] {
  return prepared(db, `${META_COLUMNS} FROM articles WHERE id IN (SELECT value FROM json_each(?))`)
    .pluck(false)
    .raw(true)
    .all(JSON.stringify(ids)) as MetaRow[]
}

/** Of `ids`, those whose publication date has an unknown year. */
export function yearUnknownAmong(db: Db, ids: readonly number[]): number[] {
  return prepared(
    db,
    `SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND substr(published_edtf, 1, 4) = 'XXXX'`
  )
    .pluck(true)
    .all(JSON.stringify(ids)) as number[]
}

/**
 * How many entries of the article change log the writer keeps (migration 010). A run of changes
 * to one article is one entry (migration 020), so this covers some 100,000 imported articles: a
 * reader idle through more reloads its caches in full. About 1.2 MB.
 */
const ARTICLE_LOG_KEEP = 100_000

/** The position of the newest article change (0 when none was ever logged). */
export function articleLogPosition(db: Db): number {
  return prepared(db, 'SELECT coalesce(max(seq), 0) FROM search_article_log').pluck(true).get() as number
}

/**
 * The articles changed at or after position `since` and the newest position, or null when some
 * of those entries were pruned from the log (the caller must reload everything).
 *
 * The article at `since` itself is re-read: a change to the article the newest entry names adds
 * no entry (migration 020), so it may have changed again since the caller read it. Positions are
 * gapless (AUTOINCREMENT; a rolled-back insert rolls its number back too), so a first kept entry
 * beyond `since` (beyond 1 when the caller read an empty log) means entries were pruned.
 */
export function articlesChangedSince(db: Db, since: number): { ids: number[]; position: number } | null {
  const [first, last] = prepared(db, 'SELECT min(seq), max(seq) FROM search_article_log').raw(true).get() as [number | null, number | null]
  if (last === null) return since === 0 ? { ids: [], position: 0 } : null
  if (last < since || first! > Math.max(since, 1)) return null
  const ids = prepared(db, 'SELECT DISTINCT article_id FROM search_article_log WHERE seq >= ?').pluck(true).all(since) as number[]
  return { ids, position: last }
}

/** Drops all but the newest ARTICLE_LOG_KEEP entries of the article change log. */
export function pruneArticleLog(db: Db): void {
  prepared(db, 'DELETE FROM search_article_log WHERE seq <= (SELECT max(seq) FROM search_article_log) - ?').run(ARTICLE_LOG_KEEP)
}

/** The saved copy of the search's article columns and the change log position it reflects (migration 024). */
export interface MetaSnapshotRow {
  position: number
  data: Buffer
}

export function readMetaSnapshot(db: Db): MetaSnapshotRow | null {
  return (prepared(db, 'SELECT position, data FROM search_meta_snapshot WHERE id = 1').get() as MetaSnapshotRow | undefined) ?? null
}

/** The change log position of the saved copy, without reading it; null when there is none. */
export function metaSnapshotPosition(db: Db): number | null {
  return (prepared(db, 'SELECT position FROM search_meta_snapshot WHERE id = 1').pluck(true).get() as number | undefined) ?? null
}

export function writeMetaSnapshot(db: Db, position: number, data: Uint8Array): void {
  prepared(db, 'INSERT OR REPLACE INTO search_meta_snapshot (id, position, data) VALUES (1, ?, ?)').run(position, data)
}

/** Forgets the saved copy (the articles changed in a way the change log did not record). */
export function dropMetaSnapshot(db: Db): void {
  prepared(db, 'DELETE FROM search_meta_snapshot').run()
}

/** How many articles there are and the highest id: what a copy brought up to date must agree with. */
export function articleCountAndMaxId(db: Db): { count: number; maxId: number } {
  const [count, maxId] = prepared(db, 'SELECT count(*), coalesce(max(id), 0) FROM articles').raw(true).get() as [number, number]
  return { count, maxId }
}

/** Every outlet as [id, name]. */
export function sourceNamePairs(db: Db): [number, string][] {
  return prepared(db, 'SELECT id, name FROM sources').pluck(false).raw(true).all() as [number, string][]
}

/** Ids of articles whose publication date has an unknown year (`XXXX-03-17`). */
export function yearUnknownArticleIds(db: Db): number[] {
  return prepared(db, `SELECT id FROM article_store INDEXED BY articles_year_unknown WHERE substr(published_edtf, 1, 4) = 'XXXX'`)
    .pluck(true)
    .all() as number[]
}

/** Ids of the outlets named `name` or with `name` as an alias (case-insensitive). */
export function sourceIdsNamed(db: Db, name: string): number[] {
  return all<{ id: number }>(
    db,
    sql`SELECT id FROM sources WHERE name = ${name} COLLATE NOCASE
        UNION SELECT source_id FROM source_aliases WHERE alias = ${name} COLLATE NOCASE`
  ).map((r) => r.id)
}

/** Ids of the articles carrying a tag (case-insensitive). */
export function articleIdsTagged(db: Db, tag: string): number[] {
  return all<{ id: number }>(
    db,
    sql`SELECT at.article_id AS id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ${tag} COLLATE NOCASE`
  ).map((r) => r.id)
}

/** Ids of the articles some event cites. */
export function citedArticleIds(db: Db): number[] {
  return all<{ id: number }>(db, sql`SELECT DISTINCT article_id AS id FROM citations`).map((r) => r.id)
}

/** Every article's byline as [id, byline], through the small covering index. */
export function articleBylines(db: Db): [number, string][] {
  return prepared(db, 'SELECT id, byline FROM article_store INDEXED BY search_article_meta WHERE byline IS NOT NULL')
    .pluck(false)
    .raw(true)
    .all() as [number, string][]
}

/** What a search hit shows of its article. */
export interface HitSummaryRow extends PublishedColumns {
  id: number
  title: string
  outlet: string | null
  byline: string | null
  place: string | null
  url: string | null
  language: string | null
}

/** The hit summaries of the articles among `ids` that still exist, by id (one statement for a page of hits). */
export function hitSummaries(db: Db, ids: readonly number[]): Map<number, HitSummaryRow> {
  const rows = all<HitSummaryRow>(
    db,
    sql`SELECT a.id, a.title, s.name AS outlet, a.published_edtf, a.published_precision, a.published_provenance, a.byline, a.place, a.url, a.language
        FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id IN ${sqlList(ids)}`
  )
  return new Map(rows.map((r) => [r.id, r]))
}
