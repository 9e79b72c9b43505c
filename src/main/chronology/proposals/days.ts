/** Calendar arithmetic on plain year-month-day triples, and EDTF dates built from them. */
import type { EdtfDate } from '../../../shared/edtf'

/** A calendar day. */
export interface Ymd {
  y: number
  m: number
  d: number
}

/** The day `days` after (or before, when negative) `day`. */
export function shift(day: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + days))
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Ymd): number {
  return new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay()
}

/** A day-, month- or year-precision EDTF date. */
export function date(y: number, m: number | null, d: number | null, approximate = false): EdtfDate {
  return {
    type: 'date',
    year: y,
    month: m,
    day: d,
    precision: d !== null ? 'day' : m !== null ? 'month' : 'year',
    approximate,
    uncertain: false,
    time: null
  }
}
