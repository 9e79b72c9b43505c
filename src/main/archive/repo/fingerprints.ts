/**
 * An article's rows in `paragraph_fingerprints`, found from its paragraphs' text. The table is
 * keyed by hash first (what near-duplicate lookups ask) and has no index by article: that index
 * was as large as the table (0.68× the clean text). A paragraph's fingerprints are a pure
 * function of its text, so its rows are found by primary key from the text stored beside them.
 * Recomputing gives every fingerprint the paragraph looks up, a superset of the rows stored for it
 * (fewer for a long paragraph, and none past an import's budget), so rows stored before or after
 * the stored sample was thinned are found alike. Rows the text no longer yields (fingerprints of a text replaced before migration 016)
 * stay as orphans; they cost a candidate lookup that finds no paragraph, never a false link, since
 * every candidate is verified against the stored text.
 */
import type { Db } from '../db'
import { prepared } from '../statements'
import { paragraphFingerprints } from '../../text/shingles'
import { paragraphsWithText, type StoredParagraph } from './paragraph-text'

/** What finding a paragraph's rows needs. */
type Fingerprinted = Pick<StoredParagraph, 'ordinal' | 'text'>

/** Deletes the fingerprint rows of the given paragraphs of one article. */
export function deleteParagraphFingerprints(db: Db, articleId: number, paragraphs: readonly Fingerprinted[]): void {
  const del = prepared(db, 'DELETE FROM paragraph_fingerprints WHERE hash = ? AND article_id = ? AND ordinal = ?')
  for (const p of paragraphs) for (const h of paragraphFingerprints(p.text).lookup) del.run(h, articleId, p.ordinal)
}

/** Moves a paragraph's fingerprint rows from one ordinal to another. */
export function renumberParagraphFingerprints(db: Db, articleId: number, text: string, from: number, to: number): void {
  const move = prepared(db, 'UPDATE paragraph_fingerprints SET ordinal = ? WHERE hash = ? AND article_id = ? AND ordinal = ?')
  for (const h of paragraphFingerprints(text).lookup) move.run(to, h, articleId, from)
}

/** Stores the fingerprints of the given paragraphs (an import stores those within its budget instead). */
export function insertParagraphFingerprints(db: Db, articleId: number, paragraphs: readonly Fingerprinted[]): void {
  const insert = prepared(db, 'INSERT OR IGNORE INTO paragraph_fingerprints (hash, article_id, ordinal) VALUES (?, ?, ?)')
  for (const p of paragraphs) for (const h of paragraphFingerprints(p.text).stored) insert.run(h, articleId, p.ordinal)
}

/** Deletes every fingerprint row of the given articles, before the articles themselves go. */
export function deleteArticleFingerprints(db: Db, articleIds: readonly number[]): void {
  for (const [articleId, paragraphs] of paragraphsWithText(db, articleIds)) deleteParagraphFingerprints(db, articleId, paragraphs)
}
