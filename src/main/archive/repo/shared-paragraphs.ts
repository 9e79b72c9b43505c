/**
 * Near-duplicate links and the paragraph pairs they rest on (tables from migrations 009, 021 and
 * 031). A link and its pairs are stored once, from the later article (`article_id`, the larger
 * id) to the earlier one (`other_id`, indexed): an import appends the new article's rows instead
 * of writing at the places of every earlier copy. The functions here read and write them from
 * either side; `ordinal` is always the paragraph of the article asked about.
 */
import type { Db } from '../db'
import { prepared } from '../statements'
import type { SharedParagraph } from '../../../shared/types'

/**
 * The links of article @article from either side, as `other` and `shared` (SQL to select from): its
 * own rows, and the rows of later articles that name it.
 */
export const LINKS_OF = `SELECT other_id AS other, shared_paragraphs AS shared FROM near_duplicates WHERE article_id = @article
  UNION ALL SELECT article_id, shared_paragraphs FROM near_duplicates WHERE other_id = @article`

/** The stored pairs of the later articles linked to article @article (SQL condition on `near_duplicate_paragraphs`). */
const PAIRS_OF_LATER = `(article_id, other_id) IN (SELECT article_id, other_id FROM near_duplicates WHERE other_id = @article)`

/** The link of two articles as stored: the later one's id, then the earlier one's. */
const storedAs = (a: number, b: number): [number, number] => (a > b ? [a, b] : [b, a])

/** A link to record: the other article and the matching paragraph pairs (`ordinal` in the article linked from). */
export interface NewLink {
  otherId: number
  paragraphs: readonly SharedParagraph[]
}

/**
 * Records an article's links with their matching paragraph pairs (`ordinal` in `articleId`,
 * `otherOrdinal` in the other article), each stored from the later of its two articles. A link's
 * count is its number of pairs, so it reads the same from either side. Two statements for all of
 * them (an import links a wire story to tens of earlier copies): timed with `bench:million
 * --statements`, the same 0.4–0.5 ms an article at 10,000 as two a link, the time being the
 * rows' places in the index by earlier article, not the calls.
 */
export function linkSharedParagraphs(db: Db, articleId: number, links: readonly NewLink[]): void {
  if (links.length === 0) return
  const rows = links
    .map(({ otherId, paragraphs }) => {
      const [from, to] = storedAs(articleId, otherId)
      const later = from === articleId
      return [from, to, paragraphs.length, paragraphs.map((p) => (later ? [p.ordinal, p.otherOrdinal] : [p.otherOrdinal, p.ordinal]))] as const
    })
    // In key order, so each B-tree takes the rows as an append where it can.
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const json = JSON.stringify(rows)
  // `WHERE true` lets SQLite read ON CONFLICT as the upsert's, not as part of a join. An upsert,
  // not INSERT OR REPLACE, whose delete of the row replaced no undo trigger would see.
  prepared(
    db,
    `INSERT INTO near_duplicates (article_id, other_id, shared_paragraphs)
       SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true
       ON CONFLICT (article_id, other_id) DO UPDATE SET shared_paragraphs = excluded.shared_paragraphs`
  ).run(json)
  prepared(
    db,
    `INSERT OR IGNORE INTO near_duplicate_paragraphs (article_id, other_id, ordinal, other_ordinal)
       SELECT l.value ->> 0, l.value ->> 1, p.value ->> 0, p.value ->> 1 FROM json_each(?) l, json_each(l.value, '$[3]') p`
  ).run(json)
}

/**
 * Removes the links and pairs that name one of `ids` as the earlier article. Their own rows go
 * by cascade with the article. Call before deleting the articles.
 */
export function unlinkArticles(db: Db, ids: readonly number[]): void {
  const json = JSON.stringify(ids)
  prepared(
    db,
    `DELETE FROM near_duplicate_paragraphs WHERE (article_id, other_id) IN
       (SELECT article_id, other_id FROM near_duplicates WHERE other_id IN (SELECT value FROM json_each(?)))`
  ).run(json)
  prepared(db, 'DELETE FROM near_duplicates WHERE other_id IN (SELECT value FROM json_each(?))').run(json)
}

/**
 * Drops the pairs of one paragraph of an article, from either side, and returns how many pairs
 * each linked article lost.
 */
export function unpairParagraph(db: Db, articleId: number, ordinal: number): Map<number, number> {
  const paragraph = { article: articleId, ordinal }
  const lost = prepared<[typeof paragraph], { other: number; n: number }>(
    db,
    `SELECT other_id AS other, count(*) AS n FROM near_duplicate_paragraphs WHERE article_id = @article AND ordinal = @ordinal GROUP BY other_id
     UNION ALL
     SELECT article_id, count(*) FROM near_duplicate_paragraphs WHERE ${PAIRS_OF_LATER} AND other_ordinal = @ordinal GROUP BY article_id`
  ).all(paragraph)
  prepared(db, 'DELETE FROM near_duplicate_paragraphs WHERE article_id = @article AND ordinal = @ordinal').run(paragraph)
  prepared(db, `DELETE FROM near_duplicate_paragraphs WHERE ${PAIRS_OF_LATER} AND other_ordinal = @ordinal`).run(paragraph)
  return new Map(lost.map((r) => [r.other, r.n]))
}

/** Moves the pairs of an article's paragraph from one ordinal to another, on either side. */
export function renumberPairedParagraph(db: Db, articleId: number, from: number, to: number): void {
  const moved = { article: articleId, from, to }
  prepared(db, 'UPDATE near_duplicate_paragraphs SET ordinal = @to WHERE article_id = @article AND ordinal = @from').run(moved)
  prepared(db, `UPDATE near_duplicate_paragraphs SET other_ordinal = @to WHERE ${PAIRS_OF_LATER} AND other_ordinal = @from`).run(moved)
}

/** Lowers the counts of an article's links by the pairs each lost; links left with none go. */
export function shrinkLinks(db: Db, articleId: number, lost: ReadonlyMap<number, number>): void {
  const shrink = prepared(db, 'UPDATE near_duplicates SET shared_paragraphs = shared_paragraphs - ? WHERE article_id = ? AND other_id = ?')
  const drop = prepared(db, 'DELETE FROM near_duplicates WHERE article_id = ? AND other_id = ? AND shared_paragraphs <= 0')
  for (const [otherId, n] of lost) {
    const [a, b] = storedAs(articleId, otherId)
    shrink.run(n, a, b)
    drop.run(a, b)
  }
}

/** An article's paragraph pairs per linked article, in paragraph order. */
export function sharedParagraphPairs(db: Db, articleId: number): Map<number, SharedParagraph[]> {
  const rows = prepared<[{ article: number }], { other: number; ordinal: number; other_ordinal: number }>(
    db,
    `SELECT other_id AS other, ordinal, other_ordinal FROM near_duplicate_paragraphs WHERE article_id = @article
     UNION ALL
     SELECT article_id, other_ordinal, ordinal FROM near_duplicate_paragraphs WHERE ${PAIRS_OF_LATER}
     ORDER BY 1, 2, 3`
  ).all({ article: articleId })
  const out = new Map<number, SharedParagraph[]>()
  for (const r of rows) {
    let list = out.get(r.other)
    if (!list) out.set(r.other, (list = []))
    list.push({ ordinal: r.ordinal, otherOrdinal: r.other_ordinal })
  }
  return out
}

/** Whether the outlet's boilerplate memory has already learned this line (and cleaned earlier articles of it). */
export function isLearnedLine(db: Db, outletKey: string, hash: number): boolean {
  return (
    prepared<[string, number], { one: number }>(db, 'SELECT 1 AS one FROM outlet_boilerplate WHERE outlet_key = ? AND hash = ?').get(
      outletKey,
      hash
    ) !== undefined
  )
}

export function learnLine(db: Db, outletKey: string, hash: number, at: string): void {
  prepared(db, 'INSERT OR IGNORE INTO outlet_boilerplate (outlet_key, hash, learned_at) VALUES (?, ?, ?)').run(outletKey, hash, at)
}

/** Earlier articles the outlet's memory says carried a line, oldest first, this one left out. */
export function articlesCarryingLine(db: Db, outletKey: string, hash: number, exceptId: number): number[] {
  return prepared<[string, number, number], { article_id: number }>(
    db,
    'SELECT article_id FROM outlet_paragraphs WHERE outlet_key = ? AND hash = ? AND article_id <> ? ORDER BY article_id'
  )
    .all(outletKey, hash, exceptId)
    .map((r) => r.article_id)
}
