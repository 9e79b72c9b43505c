import type { Db } from '../archive/db'
import type { Snippet } from '../../shared/search'
import { matchText, matcherEmpty, prescore, type Matcher } from './highlight'
import { articleParagraphs } from '../archive/repo/paragraph-text'

/** Longest snippet text, in characters. */
export const SNIPPET_WIDTH = 280
const LEAD_IN = 70

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
  ordinal: number
  start: number
  text: string
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
 * The `count` paragraphs holding most of the matcher's needles as substrings (then the earliest),
 * in that order. Tokenizing every paragraph of twenty long hits is the costly part of a page, so
 * this cheap test picks the few worth it. Paragraphs come in reading order: once `count` of them
 * hold every needle no later one can be picked, and a common word stops the scan after the first
 * few paragraphs.
 */
export function bestPreScored<P extends ParagraphRow>(all: readonly P[], matcher: Matcher, count: number): P[] {
  const scored: { p: P; pre: number }[] = []
  let complete = 0
  for (const p of all) {
    const pre = prescore(p.text, matcher)
    if (pre === 0) continue
    scored.push({ p, pre })
    if (pre === matcher.needles.length && ++complete >= count) break
  }
  return scored
    .sort((a, b) => b.pre - a.pre || a.p.ordinal - b.p.ordinal)
    .slice(0, count)
    .map(({ p }) => p)
}

/**
 * Up to `limit` snippets for one hit (`all`: its paragraphs in reading order): the paragraphs
 * quoting most of the query, in reading order, or the opening paragraph when none holds a
 * wanted word (a title-only or filter-only match).
 */
export function articleSnippets(all: readonly ParagraphRow[], matcher: Matcher | null, limit = 3): Snippet[] {
  if (matcher && !matcherEmpty(matcher)) {
    const found = bestPreScored(all, matcher, limit + 1)
      .map((p) => ({ p, ...matchText(p.text, matcher) }))
      .filter((f) => f.ranges.length > 0)
      .sort((a, b) => b.score - a.score || a.p.ordinal - b.p.ordinal)
      .slice(0, limit)
      .sort((a, b) => a.p.ordinal - b.p.ordinal)
    if (found.length) return found.map((f) => toSnippet(f.p, f.ranges))
  }
  return all.length ? [toSnippet(all[0]!, [])] : []
}

/** Every match in an article, as [start, end) offsets into its clean text, in order. */
export function articleMatchRanges(db: Db, articleId: number, matcher: Matcher): [number, number][] {
  if (matcherEmpty(matcher)) return []
  return articleParagraphs(db, articleId).flatMap((p) =>
    matchText(p.text, matcher).ranges.map(([s, e]) => [p.start + s, p.start + e] as [number, number])
  )
}
