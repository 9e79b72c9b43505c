/**
 * An import report in words, for the app's summary and the CLI alike: counts that say what they
 * count (articles, not pairs) and articles named by title, outlet and date, never by id. Pure.
 */
import { articleLabel } from './article-label'
import type { ArticleName, ImportReport } from './types'

/** "1 article", "12 articles"; `many` for irregular plurals. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

/**
 * Near-duplicate links in articles: "12 articles share paragraphs with 9 others". A link is a
 * pair, so counting links would count one article many times; the imported articles (one side)
 * and the other articles they match (the other side, less those already counted) are counted once.
 */
export function nearDuplicateSummary(links: ImportReport['nearDuplicates']): string | null {
  if (links.length === 0) return null
  const imported = new Set(links.map((l) => l.articleId))
  const others = new Set(links.map((l) => l.otherId).filter((id) => !imported.has(id)))
  const verb = imported.size === 1 ? 'shares' : 'share'
  if (others.size === 0) return `${counted(imported.size, 'article')} ${verb} paragraphs with each other`
  return `${counted(imported.size, 'article')} ${verb} paragraphs with ${counted(others.size, 'other')}`
}

/** The report's one-line tally: "3 articles added, 1 duplicate file, 2 articles share paragraphs with 1 other, 0 failed". */
export function importSummaryLine(report: ImportReport): string {
  const parts = [
    `${counted(report.added.length, 'article')} added`,
    counted(report.duplicates.length, 'duplicate file'),
    nearDuplicateSummary(report.nearDuplicates),
    `${counted(report.failed.length, 'file')} failed`,
    report.skipped.length ? `${counted(report.skipped.length, 'file')} skipped` : null
  ]
  return parts.filter((p): p is string => p !== null).join(', ')
}

/** Names the report's articles: `name(id)` gives “Title” (outlet, date), or `article <id>` for one the report did not name. */
export function reportNames(report: Pick<ImportReport, 'articles'>): (id: number) => string {
  const byId = new Map<number, ArticleName>(report.articles.map((a) => [a.id, a]))
  return (id) => {
    const a = byId.get(id)
    return a ? articleLabel(a) : `article ${id}`
  }
}
