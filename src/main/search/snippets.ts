import type { Db } from '../archive/db'
import type { Snippet } from '../../shared/search'

// Control characters never survive into clean text, so they can mark FTS5 highlight() output.
const OPEN = '\u0002'
const CLOSE = '\u0003'
/** Longest snippet text, in characters. */
export const SNIPPET_WIDTH = 280
const LEAD_IN = 70

/** Strips highlight markers and returns the plain text with [start, end) ranges of the marked runs. */
export function parseMarked(marked: string): { text: string; ranges: [number, number][] } {
  const ranges: [number, number][] = []
  let text = ''
  let open = -1
  for (const ch of marked) {
    if (ch === OPEN) open = text.length
    else if (ch === CLOSE) {
      if (open >= 0 && text.length > open) ranges.push([open, text.length])
      open = -1
    } else text += ch
  }
  return { text, ranges }
}

function wordStart(text: string, at: number): number {
  if (at <= 0) return 0
  const space = text.indexOf(' ', at)
  return space < 0 || space - at > 20 ? at : space + 1
}

function wordEnd(text: string, at: number): number {
  if (at >= text.length) return text.length
  const space = text.lastIndexOf(' ', at)
  return space < 0 || at - space > 20 ? at : space
}

/**
 * Cuts a paragraph down to about SNIPPET_WIDTH characters around its first highlight, on word
 * boundaries, shifting the highlight ranges to the excerpt.
 */
export function excerpt(
  text: string,
  ranges: [number, number][],
  width = SNIPPET_WIDTH
): { text: string; highlights: [number, number][]; start: number; clippedStart: boolean; clippedEnd: boolean } {
  if (text.length <= width) return { text, highlights: ranges, start: 0, clippedStart: false, clippedEnd: false }
  const first = ranges[0]?.[0] ?? 0
  let start = first > LEAD_IN ? wordStart(text, first - LEAD_IN) : 0
  if (start > first) start = first
  let end = wordEnd(text, Math.min(text.length, start + width))
  if (end <= start || (ranges[0] && end < ranges[0][1])) end = Math.min(text.length, Math.max(start + width, ranges[0]?.[1] ?? 0))
  const highlights = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start, e - start] as [number, number])
  return { text: text.slice(start, end), highlights, start, clippedStart: start > 0, clippedEnd: end < text.length }
}

interface ParagraphRow {
  article_id: number
  ordinal: number
  start: number
  text: string
}

/** Matching paragraphs of one article, best first, with highlight ranges in paragraph coordinates. */
function matchingParagraphs(
  db: Db,
  articleId: number,
  match: string,
  limit: number
): { paragraph: ParagraphRow; ranges: [number, number][] }[] {
  const span = db
    .prepare('SELECT min(id), max(id) FROM paragraphs WHERE article_id = ?')
    .raw()
    .get(articleId) as [number | null, number | null]
  if (span[0] === null || span[1] === null) return []
  const rows = db
    .prepare(
      `SELECT rowid, highlight(paragraphs_fts, 0, char(2), char(3)) FROM paragraphs_fts
       WHERE paragraphs_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rank LIMIT ?`
    )
    .raw()
    .all(match, span[0], span[1], limit) as [number, string][]
  const paragraph = db.prepare<[number], ParagraphRow>('SELECT article_id, ordinal, start, text FROM paragraphs WHERE id = ?')
  return rows.flatMap(([rowid, marked]) => {
    const p = paragraph.get(rowid)
    if (!p || p.article_id !== articleId) return []
    const parsed = parseMarked(marked)
    return [{ paragraph: p, ranges: parsed.text === p.text ? parsed.ranges : [] }]
  })
}

function toSnippet(p: ParagraphRow, ranges: [number, number][]): Snippet {
  const cut = excerpt(p.text, ranges)
  return {
    text: cut.text,
    highlights: cut.highlights,
    paragraph: p.ordinal,
    offset: p.start + cut.start,
    clippedStart: cut.clippedStart,
    clippedEnd: cut.clippedEnd
  }
}

/**
 * Up to `limit` snippets for one hit: the best-matching paragraphs in reading order, or the
 * opening paragraph when no paragraph holds a wanted word (a title-only or filter-only match).
 */
export function articleSnippets(db: Db, articleId: number, match: string | null, limit = 3): Snippet[] {
  const found = match ? matchingParagraphs(db, articleId, match, limit) : []
  if (found.length) {
    return found.sort((a, b) => a.paragraph.ordinal - b.paragraph.ordinal).map((f) => toSnippet(f.paragraph, f.ranges))
  }
  const lead = db
    .prepare<[number], ParagraphRow>(
      'SELECT article_id, ordinal, start, text FROM paragraphs WHERE article_id = ? ORDER BY ordinal LIMIT 1'
    )
    .get(articleId)
  return lead ? [toSnippet(lead, [])] : []
}

/** Every match of `match` in an article, as [start, end) offsets into its clean text, in order. */
export function articleMatchRanges(db: Db, articleId: number, match: string | null): [number, number][] {
  if (!match) return []
  return matchingParagraphs(db, articleId, match, 1_000_000)
    .sort((a, b) => a.paragraph.ordinal - b.paragraph.ordinal)
    .flatMap((f) => f.ranges.map(([s, e]) => [f.paragraph.start + s, f.paragraph.start + e] as [number, number]))
}
