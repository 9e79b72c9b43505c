/** What the pattern passes of the extractor need from it: the text, the reference, and where to put dates. */
import type { Edtf } from '../../../shared/edtf'
import { date, shift, weekday, type Ymd } from './days'
import type { Span } from '../../../shared/sentences'

export interface DateSink {
  readonly text: string
  readonly refDay: Ymd | null
  /** True when no date, dateline or life span covers any of `span`. */
  free: (span: Span) => boolean
  addDate: (start: number, end: number, value: Edtf) => void
  /** Year of a month (and day) written without one, at `span` (its modifier and tense). */
  inferYear: (month: number, day: number | null, span: Span) => number | null
}

/** The Monday–Sunday week around `day`, approximate (news "last week" is loose). */
export function weekOf(day: Ymd): Edtf {
  const monday = shift(day, -((weekday(day) + 6) % 7))
  const sunday = shift(monday, 6)
  return { type: 'interval', start: date(monday.y, monday.m, monday.d, true), end: date(sunday.y, sunday.m, sunday.d, true) }
}
