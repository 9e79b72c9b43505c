/** Re-checking citations after an article's clean text changed. */
import type { Db } from '../archive/db'
import type { PassageAnchor, ReanchorReport } from '../../shared/chronology'
import { anchorAt, locateAnchor } from './anchor'
import { articleText } from './citations'
import { citationAnchorsOfArticle, orphanCitation, relocateCitation } from '../archive/repo/citation-writes'

/**
 * Re-finds every citation of an article in its current clean text (position first, then the exact
 * quote with its context). Found ones get fresh offsets, context and text hash (and lose a stale
 * orphaned flag); the rest are flagged orphaned with their old anchor kept for the user to fix.
 * Call inside the transaction that changed the text (the journal then records the changes too).
 */
export function reanchorArticle(db: Db, articleId: number): ReanchorReport {
  const { text, hash } = articleText(db, articleId)
  const rows = citationAnchorsOfArticle(db, articleId)
  const report: ReanchorReport = { articleId, kept: [], moved: [], orphaned: [] }
  for (const row of rows) {
    const anchor: PassageAnchor = { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end }
    const found = locateAnchor(text, anchor)
    if (!found) {
      orphanCitation(db, row.id)
      report.orphaned.push(row.id)
      continue
    }
    const fresh = anchorAt(text, found.start, found.end)
    const changed =
      fresh.start !== row.start || fresh.prefix !== row.prefix || fresh.suffix !== row.suffix || hash !== row.textHash || row.orphaned
    if (changed) relocateCitation(db, row.id, fresh, hash)
    if (fresh.start !== row.start) report.moved.push(row.id)
    else report.kept.push(row.id)
  }
  return report
}
