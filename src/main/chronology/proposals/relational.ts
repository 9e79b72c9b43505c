/**
 * Relational expressions take their date from one named before them ("the same day", "the
 * previous year") or, for the day or year a report is about ("ending the day", "the end of the
 * year"), from the dispatch when nothing nearer names one. English only. Pure.
 */
import type { Edtf, EdtfDate } from '../../../shared/edtf'
import { date, type Ymd } from './days'
import { RELATIONS, type Relation } from './english'
import { sentenceAt, type Span } from '../../../shared/sentences'

export interface Dated extends Span {
  value: Edtf
}

export interface RelationalContext {
  text: string
  sentences: readonly Span[]
  refDay: Ymd | null
  refYear: number | null
  /** Dates found so far (any order). */
  dates: readonly Dated[]
  free: (span: Span) => boolean
}

function first(value: Edtf): EdtfDate | null {
  if (value.type === 'date') return value
  return value.start.type === 'date' ? value.start : null
}

/** How far back an antecedent may be for each relation: its sentence, that and the one before, or anywhere before. */
const SCOPE: Record<Relation, 'sentence' | 'two' | 'text'> = {
  'same-day': 'text',
  'the-day': 'text',
  'year-before': 'sentence',
  'year-after': 'two',
  'same-year': 'text',
  'the-year': 'two',
  'same-month-year-before': 'sentence'
}

/** Dates of the relational expressions in `ctx.text`, in text order. */
export function relationalDates(ctx: RelationalContext): Dated[] {
  const matches = RELATIONS.flatMap(({ re, relation }) => [...ctx.text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, relation })))
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Dated[] = []
  const taken: Span[] = []
  for (const m of matches) {
    if (!ctx.free(m) || taken.some((t) => t.start < m.end && m.start < t.end)) continue
    const value = resolve(ctx, m, [...ctx.dates, ...out])
    taken.push(m)
    if (value) out.push({ start: m.start, end: m.end, value })
  }
  return out
}

function antecedent(ctx: RelationalContext, at: Span, relation: Relation, dates: readonly Dated[], wantDay: boolean): EdtfDate | null {
  const sentence = sentenceAt(ctx.sentences, at.start)
  let from = 0
  if (SCOPE[relation] !== 'text') {
    if (!sentence) return null
    from = sentence.start
    if (SCOPE[relation] === 'two') {
      const i = ctx.sentences.indexOf(sentence)
      from = i > 0 ? ctx.sentences[i - 1]!.start : sentence.start
    }
  }
  const before = dates
    .filter((d) => d.end <= at.start && d.start >= from)
    .map((d) => ({ start: d.start, day: first(d.value) }))
    .filter((d): d is { start: number; day: EdtfDate } => d.day !== null && (!wantDay || (d.day.precision === 'day' && !d.day.approximate)))
    .sort((a, b) => b.start - a.start)
  return before[0]?.day ?? null
}

function resolve(ctx: RelationalContext, m: Span & { relation: Relation }, dates: readonly Dated[]): Edtf | null {
  const r = m.relation
  const wantDay = r === 'same-day' || r === 'the-day'
  const a = antecedent(ctx, m, r, dates, wantDay)
  switch (r) {
    case 'same-day':
      return a ? date(a.year, a.month, a.day) : null
    case 'the-day':
      if (a) return date(a.year, a.month, a.day)
      return ctx.refDay ? date(ctx.refDay.y, ctx.refDay.m, ctx.refDay.d) : null
    case 'year-before':
      if (a) return date(a.year - 1, null, null)
      return ctx.refYear === null ? null : date(ctx.refYear - 1, null, null)
    case 'year-after':
      return a ? date(a.year + 1, null, null) : null
    case 'same-year':
      return a ? date(a.year, null, null) : null
    case 'the-year':
      if (a) return date(a.year, null, null)
      return ctx.refYear === null ? null : date(ctx.refYear, null, null)
    case 'same-month-year-before':
      return a && a.month !== null ? date(a.year - 1, a.month, null) : null
  }
}
