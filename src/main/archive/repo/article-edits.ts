/** Writing an article's own columns, replacing its clean text, and deleting articles: the SQL of articles/. */
import type { Db } from '../db'
import { all, get, run, sql, sqlJoin, sqlList, type SqlFragment } from '../sql'
import { layoutParagraphs } from '../parsed-article'
import { deleteArticleFingerprints, deleteParagraphFingerprints, insertParagraphFingerprints } from './fingerprints'
import { articleParagraphs } from './paragraph-text'
import { unlinkArticles } from './shared-paragraphs'
import { wordsKey } from '../../text/shingles'
import { digestText } from '../article-body'

/** Whether an article with this id exists. */
export function articleExists(db: Db, id: number): boolean {
  return get(db, sql`SELECT 1 AS one FROM articles WHERE id = ${id}`) !== undefined
}

/** Titles of the events citing each of the given articles, in event order, by article id. */
export function citingEventTitles(db: Db, articleIds: readonly number[]): Map<number, string[]> {
  const rows = all<{ articleId: number; title: string }>(
    db,
    sql`SELECT DISTINCT c.article_id AS articleId, e.id, e.title FROM citations c JOIN events e ON e.id = c.event_id
        WHERE c.article_id IN ${sqlList(articleIds)} ORDER BY e.id`
  )
  const citing = new Map<number, string[]>()
  for (const r of rows) citing.set(r.articleId, [...(citing.get(r.articleId) ?? []), r.title])
  return citing
}

/**
 * Deletes the given articles (their paragraphs, tags and search rows follow by cascade and
 * trigger; their fingerprints, which have no index by article, are found from their text first,
 * and the near-duplicate rows naming them as the other article from their own).
 */
export function deleteArticleRows(db: Db, ids: readonly number[]): void {
  deleteArticleFingerprints(db, ids)
  unlinkArticles(db, ids)
  run(db, sql`DELETE FROM article_store WHERE id IN ${sqlList(ids)}`)
}

/** A publication date the user set, with its precision and the days it spans; null clears it. */
export interface UserPublished {
  edtf: string
  precision: string
  earliest: string | null
  latest: string | null
}

/** Article columns an edit may set; an absent key is left as it is. */
export interface ArticleColumns {
  title?: string
  dek?: string | null
  byline?: string | null
  place?: string | null
  language?: string | null
  sourceId?: number | null
  published?: UserPublished | null
  updatedAt: string
}

function publishedSets(published: UserPublished | null): SqlFragment {
  if (published === null) {
    return sql`published_edtf = NULL, published_precision = NULL, published_provenance = NULL, published_earliest = NULL, published_latest = NULL`
  }
  return sql`published_edtf = ${published.edtf}, published_precision = ${published.precision}, published_provenance = 'user',
             published_earliest = ${published.earliest}, published_latest = ${published.latest}`
}

/** Sets the given columns of one article. */
export function updateArticleColumns(db: Db, id: number, columns: ArticleColumns): void {
  const sets: SqlFragment[] = []
  if (columns.title !== undefined) sets.push(sql`title = ${columns.title}`)
  if (columns.dek !== undefined) sets.push(sql`dek = ${columns.dek}`)
  if (columns.byline !== undefined) sets.push(sql`byline = ${columns.byline}`)
  if (columns.place !== undefined) sets.push(sql`place = ${columns.place}`)
  if (columns.language !== undefined) sets.push(sql`language = ${columns.language}`)
  if (columns.sourceId !== undefined) sets.push(sql`source_id = ${columns.sourceId}`)
  if (columns.published !== undefined) sets.push(publishedSets(columns.published))
  sets.push(sql`updated_at = ${columns.updatedAt}`)
  run(db, sql`UPDATE article_store SET ${sqlJoin(sets)} WHERE id = ${id}`)
}

/**
 * Replaces an article's clean text by the given paragraphs (search follows by trigger); a
 * paragraph whose text is unchanged keeps its page. Call inside a transaction.
 */
export function replaceArticleText(db: Db, id: number, parts: readonly string[]): void {
  const old = articleParagraphs(db, id)
  const oldPages = new Map(old.map((p) => [p.text, p.page]))
  const layout = layoutParagraphs(parts.map((t) => ({ text: t, page: oldPages.get(t) ?? null })))
  // The fingerprints follow the text, so near-duplicate checks and the rows' removal see the new one.
  deleteParagraphFingerprints(db, id, old)
  run(db, sql`DELETE FROM paragraphs WHERE article_id = ${id}`)
  for (const p of layout.paragraphs) {
    run(
      db,
      sql`INSERT INTO paragraphs (article_id, ordinal, start, end, page, words_key)
          VALUES (${id}, ${p.ordinal}, ${p.start}, ${p.end}, ${p.page}, ${wordsKey(p.text)})`
    )
  }
  insertParagraphFingerprints(db, id, layout.paragraphs)
  const digest = digestText(layout.text)
  run(db, sql`UPDATE article_store SET body = ${digest.body}, text_hash = ${digest.textHash}, word_count = ${digest.wordCount} WHERE id = ${id}`)
}
