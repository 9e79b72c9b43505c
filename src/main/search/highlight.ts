import { positiveLeaves } from '../../shared/query'
import type { QueryNode } from '../../shared/search'
import { escapeRegExp } from '../../shared/regexp'
import { ASCII, ASCII_WORDS, foldTerm, isAsciiToken, isAsciiWordChar } from '../../shared/tokens'
import type { Expand } from './compile'

const WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu

/** A folded token with its [start, end) offsets in the original text. */
export interface Span {
  token: string
  start: number
  end: number
}

/** Tokens of `text` as FTS5's unicode61 tokenizer cuts them, with offsets into `text`. */
export function tokenSpans(text: string): Span[] {
  if (ASCII_WORDS.test(text)) return asciiSpans(text)
  const out: Span[] = []
  for (const m of text.matchAll(WORD)) {
    const token = foldTerm(m[0]).replace(/[^\p{L}\p{N}\p{Co}]/gu, '')
    if (token) out.push({ token, start: m.index, end: m.index + m[0].length })
  }
  return out
}

/**
 * `tokenSpans` of text of the ASCII kind: runs of ASCII letters and digits, lowercased. Read
 * character by character rather than with a regex, whose match objects were the largest single
 * allocation of a search (171 KB of a medium word's 1.2 MB, over the snippets of a page of 20 hits).
 */
function asciiSpans(text: string): Span[] {
  const out: Span[] = []
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0
    if (isAsciiWordChar(c)) {
      if (start < 0) start = i
    } else if (start >= 0) {
      out.push({ token: text.slice(start, i).toLowerCase(), start, end: i })
      start = -1
    }
  }
  return out
}

/** What to highlight: words (with fuzzy variants), prefixes, phrases and NEAR groups. */
export interface Matcher {
  words: Map<string, number>
  prefixes: { prefix: string; leaf: number }[]
  phrases: { tokens: string[]; leaf: number }[]
  near: { tokens: string[]; distance: number; leaf: number }[]
  leaves: number
  /** Strings at least one of which a matching text must contain (a cheap first test). */
  needles: string[]
  /** Whether every needle is ASCII, so texts may be folded the cheap way for the first test. */
  asciiNeedles: boolean
  /**
   * Each needle as a case-blind pattern, for text of the ASCII kind (ASCII_WORDS): finding it
   * there is finding the needle in the lowercased text, without a lowercased copy of every
   * paragraph of every hit (the largest allocation of a search after the texts themselves).
   */
  caseBlind: RegExp[]
  /**
   * For a query of words and prefixes only: the start of every word of ASCII_WORDS text that
   * begins with one of its words or prefixes written in ASCII letters and digits, matched to the
   * end of that word (null for any other query). Such text has no other words a query can match.
   */
  asciiWordStarts: RegExp | null
}

/**
 * The highlighter for a parsed query: every wanted word, phrase and NEAR group outside
 * `title:`. Highlighting runs in JS over one page of hits, which is cheaper than asking FTS5 to
 * seek each article's paragraphs (one B-tree seek per segment per hit).
 */
export function buildMatcher(root: QueryNode | null, expand: Expand): Matcher {
  const m: Matcher = {
    words: new Map(),
    prefixes: [],
    phrases: [],
    near: [],
    leaves: 0,
    needles: [],
    asciiNeedles: true,
    caseBlind: [],
    asciiWordStarts: null
  }
  positiveLeaves(root).forEach((leaf, index) => {
    m.leaves = index + 1
    if (leaf.kind === 'near') {
      m.near.push({ tokens: leaf.terms.flatMap((t) => t.split(' ')), distance: leaf.distance, leaf: index })
      return
    }
    if (leaf.field !== null) return
    const tokens = leaf.text.split(' ')
    if (leaf.kind === 'term' && leaf.prefix) {
      if (tokens.length === 1) m.prefixes.push({ prefix: leaf.text, leaf: index })
      else m.phrases.push({ tokens, leaf: index })
    } else if (tokens.length > 1) m.phrases.push({ tokens, leaf: index })
    else {
      m.words.set(leaf.text, index)
      if (leaf.kind === 'term' && leaf.fuzzy) for (const v of expand(leaf.text)) m.words.set(v, index)
    }
  })
  m.needles = [
    ...new Set([
      ...m.words.keys(),
      ...m.prefixes.map((p) => p.prefix),
      ...m.phrases.map((p) => p.tokens[0]!),
      ...m.near.map((n) => n.tokens[0]!)
    ])
  ]
  m.asciiNeedles = m.needles.every((n) => ASCII.test(n))
  m.caseBlind = m.needles.map((n) => new RegExp(escapeRegExp(n), 'i'))
  m.asciiWordStarts = m.phrases.length === 0 && m.near.length === 0 ? wordStartPattern([...m.words.keys(), ...m.prefixes.map((p) => p.prefix)]) : null
  return m
}

/**
 * A pattern finding, case-blind, each ASCII word that starts with one of `starts`, whole. Only
 * starts of ASCII letters and digits, lower-cased as the index folds words, can begin a word of
 * ASCII_WORDS text; none of the others can match one. Null when none is left.
 */
function wordStartPattern(starts: readonly string[]): RegExp | null {
  const ascii = starts.filter(isAsciiToken)
  return ascii.length ? new RegExp(`(?<![A-Za-z0-9])(?:${ascii.join('|')})[A-Za-z0-9]*`, 'gi') : null
}

/**
 * Whether ascending `list` holds a value within `d` of `x`: a binary search, so a NEAR word that
 * occurs thousands of times in one paragraph costs a logarithm per occurrence, not a scan.
 */
function hasWithin(list: readonly number[], x: number, d: number): boolean {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! < x - d) lo = mid + 1
    else hi = mid
  }
  return lo < list.length && list[lo]! <= x + d
}

/** Whether the matcher has anything to highlight. */
export function matcherEmpty(m: Matcher): boolean {
  return m.words.size === 0 && m.prefixes.length === 0 && m.phrases.length === 0 && m.near.length === 0
}

const MARKS = /\p{M}+/gu

/**
 * `text` lower-cased with every combining mark dropped, where foldTerm drops only those on Latin
 * letters: a quarter of its cost. An ASCII string occurs in foldTerm's text only where it occurs
 * in this one too (the same base characters in the same order; a mark foldTerm keeps, or a
 * character its recomposition forms, is not ASCII), so as a first test it never loses a match.
 */
function markless(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase()
}

/** How many of the matcher's needles occur in `text` as substrings: 0 means it cannot match. */
export function prescore(text: string, m: Matcher): number {
  return prescoreOf(text, m, ASCII_WORDS.test(text))
}

/** `prescore`, told whether `text` is of the ASCII_WORDS kind. */
function prescoreOf(text: string, m: Matcher, asciiWords: boolean): number {
  let n = 0
  if (asciiWords) {
    for (const needle of m.caseBlind) if (needle.test(text)) n++
    return n
  }
  const folded = m.asciiNeedles ? markless(text) : foldTerm(text)
  for (const needle of m.needles) if (folded.includes(needle)) n++
  return n
}

/** Highlight ranges (merged, in order) and a score. */
type Highlighted = { ranges: [number, number][]; score: number }

/**
 * Highlight ranges in `text` (merged, in order) and a score: distinct query parts matched
 * first, then the number of matches, so the paragraph quoting most of the query wins.
 */
export function matchText(text: string, m: Matcher): Highlighted {
  const asciiWords = ASCII_WORDS.test(text)
  if (prescoreOf(text, m, asciiWords) === 0) return { ranges: [], score: 0 }
  return asciiWords && m.asciiWordStarts ? matchWordStarts(text, m, m.asciiWordStarts) : matchSpans(tokenSpans(text), m)
}

/**
 * `matchText` by cutting the whole text into tokens: any text, any query. Exported for the test
 * that holds `matchWordStarts` to it.
 */
export function matchTextBySpans(text: string, m: Matcher): Highlighted {
  return prescore(text, m) === 0 ? { ranges: [], score: 0 } : matchSpans(tokenSpans(text), m)
}

/**
 * `matchText` of ASCII_WORDS text for a query of words and prefixes: only the words the pattern
 * finds are looked at, where cutting a paragraph into tokens made an object of every word in it
 * (the largest part of highlighting a page of hits).
 */
function matchWordStarts(text: string, m: Matcher, pattern: RegExp): Highlighted {
  const ranges: [number, number][] = []
  const hitLeaves = new Set<number>()
  pattern.lastIndex = 0
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    const token = found[0].toLowerCase()
    const start = found.index
    const end = start + token.length
    const word = m.words.get(token)
    if (word !== undefined) {
      ranges.push([start, end])
      hitLeaves.add(word)
    }
    for (const p of m.prefixes) {
      if (token.startsWith(p.prefix)) {
        ranges.push([start, end])
        hitLeaves.add(p.leaf)
      }
    }
  }
  return merged(ranges, hitLeaves)
}

/** Whether `tokens` follow one another among `spans` from the `i`th on. */
export function phraseAt(spans: readonly Span[], i: number, tokens: readonly string[]): boolean {
  return i + tokens.length <= spans.length && tokens.every((t, k) => spans[i + k]!.token === t)
}

function matchSpans(spans: readonly Span[], m: Matcher): Highlighted {
  const ranges: [number, number][] = []
  const hitLeaves = new Set<number>()
  spans.forEach((s, i) => {
    const word = m.words.get(s.token)
    if (word !== undefined) {
      ranges.push([s.start, s.end])
      hitLeaves.add(word)
    }
    for (const p of m.prefixes) {
      if (s.token.startsWith(p.prefix)) {
        ranges.push([s.start, s.end])
        hitLeaves.add(p.leaf)
      }
    }
    for (const p of m.phrases) {
      if (phraseAt(spans, i, p.tokens)) {
        ranges.push([s.start, spans[i + p.tokens.length - 1]!.end])
        hitLeaves.add(p.leaf)
      }
    }
  })
  for (const group of m.near) {
    const positions = group.tokens.map((t) => spans.flatMap((s, i) => (s.token === t ? [i] : [])))
    if (positions.some((p) => p.length === 0)) continue
    for (const [k, list] of positions.entries()) {
      for (const i of list) {
        const close = positions.every((other, j) => j === k || hasWithin(other, i, group.distance + group.tokens.length - 1))
        if (close) {
          ranges.push([spans[i]!.start, spans[i]!.end])
          hitLeaves.add(group.leaf)
        }
      }
    }
  }
  return merged(ranges, hitLeaves)
}

/** The ranges sorted and merged, scored: distinct query parts matched first, then the number of matches. */
function merged(ranges: [number, number][], hitLeaves: ReadonlySet<number>): Highlighted {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out: [number, number][] = []
  for (const r of ranges) {
    const last = out[out.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else out.push([r[0], r[1]])
  }
  return { ranges: out, score: hitLeaves.size * 1000 + out.length }
}
