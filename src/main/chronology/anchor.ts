/**
 * Passage anchors (W3C TextQuote + TextPosition selectors) over an article's clean text: making
 * them from offsets, finding quotes, and re-finding an anchor after the text changed. Pure.
 */
import { AnnalistError } from '../../shared/errors'
import { CONTEXT_CHARS, type PassageAnchor } from '../../shared/chronology'
import { escapeRegExp } from '../../shared/regexp'

/** The anchor for `text[start, end)`; rejects empty, whitespace-only or out-of-range passages. */
export function anchorAt(text: string, start: number, end: number): PassageAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new AnnalistError('invalid-argument', `passage ${start}–${end} is outside the article text (0–${text.length})`)
  }
  const exact = text.slice(start, end)
  if (exact.trim() === '') throw new AnnalistError('invalid-argument', `passage ${start}–${end} is only whitespace`)
  return {
    exact,
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    start,
    end
  }
}

/** Start offsets of every exact occurrence of `quote` in `text` (overlapping ones included). */
export function occurrences(text: string, quote: string): number[] {
  const found: number[] = []
  if (quote === '') return found
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) found.push(i)
  return found
}

function prefixAgrees(text: string, start: number, prefix: string): boolean {
  // A prefix shorter than CONTEXT_CHARS was cut by the start of the text; it still has to match in full.
  return start >= prefix.length && text.slice(start - prefix.length, start) === prefix
}

function suffixAgrees(text: string, end: number, suffix: string): boolean {
  return text.slice(end, end + suffix.length) === suffix
}

/**
 * Where the anchored passage is in `text` now, or null when it cannot be found exactly.
 * Order: the recorded position if the quote and both contexts still agree there; else the
 * occurrence of the exact quote whose prefix and suffix both agree (nearest the old position if
 * several); else the single occurrence with one agreeing side. Anything looser would risk moving
 * the citation to look-alike text, so it is left for the user (orphaned).
 */
export function locateAnchor(text: string, anchor: PassageAnchor): { start: number; end: number } | null {
  const len = anchor.exact.length
  const at = (start: number): { start: number; end: number } => ({ start, end: start + len })
  if (
    text.slice(anchor.start, anchor.end) === anchor.exact &&
    prefixAgrees(text, anchor.start, anchor.prefix) &&
    suffixAgrees(text, anchor.end, anchor.suffix)
  ) {
    return at(anchor.start)
  }
  const scored = occurrences(text, anchor.exact).map((start) => ({
    start,
    sides: Number(prefixAgrees(text, start, anchor.prefix)) + Number(suffixAgrees(text, start + len, anchor.suffix))
  }))
  const both = scored.filter((s) => s.sides === 2)
  if (both.length > 0) {
    both.sort((a, b) => Math.abs(a.start - anchor.start) - Math.abs(b.start - anchor.start))
    return at(both[0]!.start)
  }
  const one = scored.filter((s) => s.sides === 1)
  return one.length === 1 ? at(one[0]!.start) : null
}

/**
 * Finds a quote the user typed (CLI `--cite`): exact match first, then with whitespace runs
 * folded. Throws a clear error when it is missing or occurs more than once.
 */
export function findQuote(text: string, quote: string, where: string): { start: number; end: number } {
  const q = quote.trim()
  if (q === '') throw new AnnalistError('invalid-argument', `empty quote for ${where}`)
  let hits = occurrences(text, q).map((start) => ({ start, end: start + q.length }))
  if (hits.length === 0) {
    const pattern = new RegExp(q.split(/\s+/).map(escapeRegExp).join('\\s+'), 'g')
    hits = [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
  }
  if (hits.length === 0) throw new AnnalistError('not-found', `quote not found in ${where}: "${q}"`)
  if (hits.length > 1) {
    throw new AnnalistError(
      'conflict',
      `quote occurs ${hits.length} times in ${where} (at ${hits.map((h) => h.start).join(', ')}); quote more words to make it unique: "${q}"`
    )
  }
  return hits[0]!
}
