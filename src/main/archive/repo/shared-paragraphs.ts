/** Near-duplicate links and the paragraph pairs they rest on (tables from migrations 001 and 009). */
import type { Db } from '../db'
import { prepared } from '../statements'
import type { SharedParagraph } from '../../../shared/types'

/**
 * Records a link between two articles both ways, with its matching paragraph pairs (`ordinal`
 * in `articleId`, `otherOrdinal` in `otherId`). The link's count is the number of pairs, so it
 * reads the same from either side.
 */
export function linkSharedParagraphs(db: Db, articleId: number, otherId: number, pairs: readonly SharedParagraph[]): void {
  prepared(db, 'INSERT OR REPLACE INTO near_duplicates (article_id, other_id, shared_paragraphs) VALUES (?, ?, ?), (?, ?, ?)').run(
    articleId,
    otherId,
    pairs.length,
    otherId,
    articleId,
    pairs.length
  )
  // One statement for the pairs both ways: an import links a story to tens of earlier copies.
  const json = JSON.stringify(pairs.map((p) => [p.ordinal, p.otherOrdinal]))
  prepared(
    db,
    `INSERT OR IGNORE INTO near_duplicate_paragraphs (article_id, other_id, ordinal, other_ordinal)
       SELECT ?, ?, value ->> 0, value ->> 1 FROM json_each(?)
       UNION ALL SELECT ?, ?, value ->> 1, value ->> 0 FROM json_each(?)`
  ).run(articleId, otherId, json, otherId, articleId, json)
}

/**
 * The rows that name one of `ids` as the other article: their own rows turned round, since every
 * link and pair is stored both ways and there is no index by the other article (migration 021).
 * Their own rows go by cascade with the article. Call before deleting the articles.
 */
export function unlinkArticles(db: Db, ids: readonly number[]): void {
  const json = JSON.stringify(ids)
  prepared(
    db,
    `DELETE FROM near_duplicate_paragraphs WHERE (article_id, other_id, ordinal, other_ordinal) IN
       (SELECT other_id, article_id, other_ordinal, ordinal FROM near_duplicate_paragraphs WHERE article_id IN (SELECT value FROM json_each(?)))`
  ).run(json)
  prepared(
    db,
    `DELETE FROM near_duplicates WHERE (article_id, other_id) IN
       (SELECT other_id, article_id FROM near_duplicates WHERE article_id IN (SELECT value FROM json_each(?)))`
  ).run(json)
}

/**
 * Drops the pairs of one paragraph of an article, both ways, and returns how many pairs each
 * linked article lost.
 */
export function unpairParagraph(db: Db, articleId: number, ordinal: number): Map<number, number> {
  const lost = prepared<[number, number], { other_id: number; n: number }>(
    db,
    'SELECT other_id, count(*) AS n FROM near_duplicate_paragraphs WHERE article_id = ? AND ordinal = ? GROUP BY other_id'
  ).all(articleId, ordinal)
  prepared(
    db,
    `DELETE FROM near_duplicate_paragraphs WHERE (article_id, other_id, ordinal, other_ordinal) IN
       (SELECT other_id, article_id, other_ordinal, ordinal FROM near_duplicate_paragraphs WHERE article_id = ? AND ordinal = ?)`
  ).run(articleId, ordinal)
  prepared(db, 'DELETE FROM near_duplicate_paragraphs WHERE article_id = ? AND ordinal = ?').run(articleId, ordinal)
  return new Map(lost.map((r) => [r.other_id, r.n]))
}

/** Moves the pairs of an article's paragraph from one ordinal to another, both ways. */
export function renumberPairedParagraph(db: Db, articleId: number, from: number, to: number): void {
  prepared(
    db,
    `UPDATE near_duplicate_paragraphs SET other_ordinal = ? WHERE (article_id, other_id, ordinal, other_ordinal) IN
       (SELECT other_id, article_id, other_ordinal, ordinal FROM near_duplicate_paragraphs WHERE article_id = ? AND ordinal = ?)`
  ).run(to, articleId, from)
  prepared(db, 'UPDATE near_duplicate_paragraphs SET ordinal = ? WHERE article_id = ? AND ordinal = ?').run(to, articleId, from)
}

/** Lowers the counts of an article's links by the pairs each lost, both ways; links left with none go. */
export function shrinkLinks(db: Db, articleId: number, lost: ReadonlyMap<number, number>): void {
  const shrink = prepared(db, 'UPDATE near_duplicates SET shared_paragraphs = shared_paragraphs - ? WHERE article_id = ? AND other_id = ?')
  const drop = prepared(db, 'DELETE FROM near_duplicates WHERE article_id = ? AND other_id = ? AND shared_paragraphs <= 0')
  for (const [otherId, n] of lost) {
    for (const [a, b] of [[articleId, otherId], [otherId, articleId]] as const) {
      shrink.run(n, a, b)
      drop.run(a, b)
    }
  }
}

/** An article's paragraph pairs per linked article, in paragraph order. */
export function sharedParagraphPairs(db: Db, articleId: number): Map<number, SharedParagraph[]> {
  const rows = prepared<[number], { other_id: number; ordinal: number; other_ordinal: number }>(
    db,
    'SELECT other_id, ordinal, other_ordinal FROM near_duplicate_paragraphs WHERE article_id = ? ORDER BY other_id, ordinal, other_ordinal'
  ).all(articleId)
  const out = new Map<number, SharedParagraph[]>()
  for (const r of rows) {
    let list = out.get(r.other_id)
    if (!list) out.set(r.other_id, (list = []))
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
