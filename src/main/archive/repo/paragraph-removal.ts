/** Taking whole paragraphs out of an article's clean text, with everything keyed by their ordinals. */
import type { Db } from '../db'
import { now } from '../clock'
import { prepared } from '../statements'
import { digestText } from '../article-body'
import { AnnalistError } from '../../../shared/errors'
import { layoutParagraphs } from '../parsed-article'
import { deleteParagraphFingerprints, renumberParagraphFingerprints } from './fingerprints'
import { articleParagraphs } from './paragraph-text'
import { renumberPairedParagraph, shrinkLinks, unpairParagraph } from './shared-paragraphs'

/**
 * Removes paragraphs (by ordinal) from an article: the paragraph rows (search indexes follow by
 * trigger), the clean text, its hash and word count, and the ordinals of the paragraphs after
 * them wherever they are keyed: fingerprints and near-duplicate pairs on both sides. Links left
 * without a pair go; a link's count drops by the pairs it lost. Kept paragraphs keep their row
 * ids, pages and text. Citations and proposals are the caller's (they are anchored by offsets).
 * Refuses to empty the article. Call inside a transaction.
 */
export function removeParagraphs(db: Db, articleId: number, ordinals: readonly number[]): void {
  const rows = articleParagraphs(db, articleId)
  const gone = new Set(ordinals)
  const kept = rows.filter((r) => !gone.has(r.ordinal))
  if (kept.length === rows.length) return
  if (kept.length === 0) throw new AnnalistError('invalid-argument', `article ${articleId}: removing every paragraph would leave it empty`)
  const layout = layoutParagraphs(kept.map((r) => ({ text: r.text, page: r.page })))

  const lost = new Map<number, number>()
  for (const r of rows) {
    if (!gone.has(r.ordinal)) continue
    for (const [otherId, n] of unpairParagraph(db, articleId, r.ordinal)) lost.set(otherId, (lost.get(otherId) ?? 0) + n)
    prepared(db, 'DELETE FROM paragraphs WHERE id = ?').run(r.id)
    deleteParagraphFingerprints(db, articleId, [r])
  }
  shrinkLinks(db, articleId, lost)

  // In ascending order each new ordinal is free when taken: it belonged to a removed paragraph
  // or to one already moved down, so no UNIQUE key is ever crossed.
  kept.forEach((r, i) => {
    const p = layout.paragraphs[i]!
    if (p.ordinal === r.ordinal && p.start === r.start && p.end === r.end) return
    prepared(db, 'UPDATE paragraphs SET ordinal = ?, start = ?, end = ? WHERE id = ?').run(p.ordinal, p.start, p.end, r.id)
    if (p.ordinal === r.ordinal) return
    renumberParagraphFingerprints(db, articleId, r.text, r.ordinal, p.ordinal)
    renumberPairedParagraph(db, articleId, r.ordinal, p.ordinal)
  })
  const digest = digestText(layout.text)
  prepared(db, 'UPDATE article_store SET body = ?, text_hash = ?, word_count = ?, updated_at = ? WHERE id = ?').run(
    digest.body,
    digest.textHash,
    digest.wordCount,
    now(),
    articleId
  )
}

/** Whether date proposals were ever computed for an article (they must follow its text). */
export function hasProposals(db: Db, articleId: number): boolean {
  return prepared<[number], { one: number }>(db, 'SELECT 1 AS one FROM proposals WHERE article_id = ? LIMIT 1').get(articleId) !== undefined
}
