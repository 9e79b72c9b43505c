/** Pure helpers that split text into plain and marked segments for the Reader. */

export type Range = readonly [start: number, end: number]

export interface Segment {
  text: string
  start: number
  /** Indexes into the `layers` given to `segmentText` that cover this segment. */
  marks: number[]
}

/** Merges overlapping or touching ranges and drops empty ones; input order does not matter. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).slice().sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out: [number, number][] = []
  for (const [s, e] of sorted) {
    const last = out[out.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }
  return out
}

/**
 * Cuts `text` (which starts at absolute offset `base`) at every boundary of every layer's ranges
 * (absolute offsets), so each segment knows which layers cover it. Layers may overlap.
 */
export function segmentText(text: string, base: number, layers: readonly (readonly Range[])[]): Segment[] {
  const end = base + text.length
  const cuts = new Set<number>([base, end])
  layers.forEach((ranges) => {
    for (const [s, e] of ranges) {
      if (e <= base || s >= end) continue
      cuts.add(Math.max(s, base))
      cuts.add(Math.min(e, end))
    }
  })
  const points = [...cuts].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i]!
    const e = points[i + 1]!
    if (e <= s) continue
    const marks: number[] = []
    layers.forEach((ranges, layer) => {
      if (ranges.some(([rs, re]) => rs <= s && re >= e)) marks.push(layer)
    })
    segments.push({ text: text.slice(s - base, e - base), start: s, marks })
  }
  return segments
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Ranges where any of `terms` occurs in `text` as a whole word (or as a word prefix for terms
 * ending in `*`), case- and accent-insensitively. Offsets are relative to `text`.
 */
export function findTermRanges(text: string, terms: readonly string[]): Range[] {
  const words = terms.map((t) => t.trim()).filter((t) => t.replace(/\*$/, '').length > 0)
  if (words.length === 0) return []
  const folded = fold(text)
  const parts = words
    .sort((a, b) => b.length - a.length)
    .map((t) => {
      const prefix = t.endsWith('*')
      const body = escapeRegExp(fold(prefix ? t.slice(0, -1) : t)).replace(/\s+/g, '\\s+')
      return prefix ? `${body}[\\p{L}\\p{N}]*` : body
    })
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'gu')
  const out: Range[] = []
  for (const m of folded.matchAll(re)) out.push([m.index, m.index + m[0].length])
  return out
}

/** Lower-cases and strips combining marks without changing the string's length. */
export function fold(text: string): string {
  let out = ''
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
    // Keep offsets aligned: a character that folds to a different length stays as it was.
    out += base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch
  }
  return out
}
