/** Finding the dateline at the top of a dispatch, which dates the dispatch and is not an event. */
import { DATELINE, DATELINE_DASHED, DATELINE_INTL } from './patterns'
import type { Span } from '../../../shared/sentences'

/** Splits a text into paragraph spans at blank lines. */
function paragraphSpans(text: string): Span[] {
  const spans: Span[] = []
  const re = /\n\s*\n/g
  let start = 0
  for (const m of text.matchAll(re)) {
    spans.push({ start, end: m.index })
    start = m.index + m[0].length
  }
  spans.push({ start, end: text.length })
  return spans
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
}

/** The dateline ("MOSCOW, September 1. /TASS/.") near the top of the text, if any. */
export function findDateline(text: string): { span: Span; place: string | null } | null {
  for (const p of paragraphSpans(text).slice(0, 6)) {
    const para = text.slice(p.start, p.end)
    const m = DATELINE.exec(para)
    if (m && m[1]!.replace(/[^A-Z]/g, '').length >= 3) {
      return { span: { start: p.start, end: p.start + m[0].length }, place: titleCase(m[1]!) }
    }
    const i = DATELINE_INTL.exec(para)
    if (i && i[1]!.replace(/[^\p{Lu}]/gu, '').length >= 3) {
      return { span: { start: p.start, end: p.start + i[0].length }, place: titleCase(i[1]!) }
    }
    const t = DATELINE_DASHED.exec(para)
    if (t) return { span: { start: p.start, end: p.start + t[0].length }, place: t[1] ? t[1].trim() : null }
  }
  return null
}
