/**
 * Where the Reader's keyboard caret goes in an article's clean text: by word, sentence and
 * paragraph. Offsets are clean-text offsets, the same the mouse path and citations use. Pure.
 */
import type { Span } from '../../../shared/sentences'

// A word is letters and digits, joined by an apostrophe, hyphen, period or comma between two of
// them ("don't", "el-Sisi", "U.S", "3.5", "40,000"), so a step never stops inside one.
const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu

function words(text: string): Span[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
}

/** Word spans of `text`, computed once per article text. */
export interface Motion {
  text: string
  words: Span[]
  sentences: Span[]
  paragraphs: Span[]
}

export function motionFor(text: string, sentences: Span[], paragraphs: readonly Span[]): Motion {
  return { text, words: words(text), sentences, paragraphs: [...paragraphs] }
}

/** The end of the first span ending after `at`, or `at` when none does. */
function endAfter(spans: readonly Span[], at: number): number {
  return spans.find((s) => s.end > at)?.end ?? at
}

/** The start of the last span starting before `at`, or `at` when none does. */
function startBefore(spans: readonly Span[], at: number): number {
  return spans.findLast((s) => s.start < at)?.start ?? at
}

/** The end of the last span ending before `at`, or `at` when none does. */
function endBefore(spans: readonly Span[], at: number): number {
  return spans.findLast((s) => s.end < at)?.end ?? at
}

/** The start of the first span starting after `at`, or `at` when none does. */
function startAfter(spans: readonly Span[], at: number): number {
  return spans.find((s) => s.start > at)?.start ?? at
}

export type Unit = 'word' | 'sentence' | 'paragraph'

const spansOf = (m: Motion, unit: Unit): Span[] => (unit === 'word' ? m.words : unit === 'sentence' ? m.sentences : m.paragraphs)

/** A collapsed caret moved to the start of the next (1) or previous (-1) word, sentence or paragraph. */
export function moveCaret(m: Motion, at: number, unit: Unit, dir: 1 | -1): number {
  const spans = spansOf(m, unit)
  return dir > 0 ? startAfter(spans, at) : startBefore(spans, at)
}

/**
 * A selection's moving end stepped by one unit. Growing, it goes to the far edge of the next unit
 * (a word's end going forward, its start going back); shrinking, to the near edge of the one
 * before, so the selection always starts and ends on words, never on the space between them.
 * It never steps over the fixed end: it stops there, and the next step grows the other way.
 */
export function extendFocus(m: Motion, anchor: number, focus: number, unit: Unit, dir: 1 | -1): number {
  const spans = spansOf(m, unit)
  if (dir > 0) {
    if (focus >= anchor) return endAfter(spans, focus)
    return Math.min(anchor, startAfter(spans, focus))
  }
  if (focus <= anchor) return startBefore(spans, focus)
  return Math.max(anchor, endBefore(spans, focus))
}

/** The paragraph's start (-1) or end (1) around `at`: Shift+Home and Shift+End. */
export function paragraphEdge(m: Motion, at: number, dir: 1 | -1): number {
  const p = m.paragraphs.find((s) => at >= s.start && at <= s.end) ?? m.paragraphs.find((s) => s.start > at)
  if (!p) return at
  return dir > 0 ? p.end : p.start
}

/** The sentence holding `at`, or the next one when `at` falls between sentences. */
export function sentenceHolding(m: Motion, at: number): Span | null {
  return m.sentences.find((s) => at < s.end) ?? null
}

/** How many words lie within [start, end). */
export function wordCount(m: Motion, start: number, end: number): number {
  return m.words.filter((w) => w.start < end && w.end > start).length
}
