/** Writing citations: inserting, moving, re-anchoring, orphaning and removing them. */
import type { Db } from '../db'
import { all, run, sql } from '../sql'
import type { Citation, PassageAnchor } from '../../../shared/chronology'

/** Inserts a citation with a ready anchor; returns its id. */
export function insertCitationRow(
  db: Db,
  row: { eventId: number; articleId: number; anchor: PassageAnchor; textHash: string; stance: Citation['stance']; note: string | null; at: string }
): number {
  const a = row.anchor
  return Number(
    run(
      db,
      sql`INSERT INTO citations (event_id, article_id, exact, prefix, suffix, start, end, text_hash, stance, orphaned, note, created_at)
          VALUES (${row.eventId}, ${row.articleId}, ${a.exact}, ${a.prefix}, ${a.suffix}, ${a.start}, ${a.end}, ${row.textHash},
                  ${row.stance}, 0, ${row.note}, ${row.at})`
    ).lastInsertRowid
  )
}

/** Sets a citation's stance. */
export function setCitationStance(db: Db, id: number, stance: Citation['stance']): void {
  run(db, sql`UPDATE citations SET stance = ${stance} WHERE id = ${id}`)
}

/** Sets a citation's note. */
export function setCitationNote(db: Db, id: number, note: string | null): void {
  run(db, sql`UPDATE citations SET note = ${note} WHERE id = ${id}`)
}

/** Points a citation at a new passage (quote included) of the text with this hash; it is no longer orphaned. */
export function setCitationAnchor(db: Db, id: number, a: PassageAnchor, textHash: string): void {
  run(
    db,
    sql`UPDATE citations SET exact = ${a.exact}, prefix = ${a.prefix}, suffix = ${a.suffix}, start = ${a.start}, end = ${a.end},
          text_hash = ${textHash}, orphaned = 0 WHERE id = ${id}`
  )
}

/** Gives a citation fresh offsets and context for the same quote in the text with this hash; it is no longer orphaned. */
export function relocateCitation(db: Db, id: number, a: Omit<PassageAnchor, 'exact'>, textHash: string): void {
  run(
    db,
    sql`UPDATE citations SET prefix = ${a.prefix}, suffix = ${a.suffix}, start = ${a.start}, end = ${a.end}, text_hash = ${textHash},
          orphaned = 0 WHERE id = ${id}`
  )
}

/** Flags a citation whose passage is gone (its old anchor is kept for the user to fix). */
export function orphanCitation(db: Db, id: number): void {
  run(db, sql`UPDATE citations SET orphaned = 1 WHERE id = ${id} AND orphaned = 0`)
}

/** Removes a citation. */
export function deleteCitationRow(db: Db, id: number): void {
  run(db, sql`DELETE FROM citations WHERE id = ${id}`)
}

/** A citation's anchor as stored, with the hash of the text it was made on. */
export interface StoredAnchor extends PassageAnchor {
  id: number
  textHash: string
  orphaned: boolean
}

/** The stored anchors of every citation of an article, by id. */
export function citationAnchorsOfArticle(db: Db, articleId: number): StoredAnchor[] {
  return all<{ id: number; exact: string; prefix: string; suffix: string; start: number; end: number; text_hash: string; orphaned: number }>(
    db,
    sql`SELECT id, exact, prefix, suffix, start, end, text_hash, orphaned FROM citations WHERE article_id = ${articleId} ORDER BY id`
  ).map((r) => ({
    id: r.id,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    start: r.start,
    end: r.end,
    textHash: r.text_hash,
    orphaned: r.orphaned === 1
  }))
}
