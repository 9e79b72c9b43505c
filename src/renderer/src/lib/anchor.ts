/** Text-quote anchors for passages the user selects in the Reader. Pure. */
import { CONTEXT_CHARS, type PassageAnchor } from '../../../shared/chronology'

/**
 * The anchor for text[start, end), with the selection's outer whitespace trimmed away so a
 * sloppy drag still cites exactly the words. Null when nothing but whitespace was selected.
 */
export function anchorFor(text: string, start: number, end: number): PassageAnchor | null {
  let s = Math.max(0, Math.min(start, end))
  let e = Math.min(text.length, Math.max(start, end))
  while (s < e && /\s/.test(text[s]!)) s++
  while (e > s && /\s/.test(text[e - 1]!)) e--
  if (e <= s) return null
  return {
    exact: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - CONTEXT_CHARS), s),
    suffix: text.slice(e, e + CONTEXT_CHARS),
    start: s,
    end: e
  }
}
