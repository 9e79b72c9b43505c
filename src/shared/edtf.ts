/**
 * EDTF (ISO 8601-2, level 0 and 1) parsing, canonical formatting, day bounds and sort keys.
 * Supported: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, qualifiers `?` (uncertain), `~` (approximate),
 * `%` (both) on a whole date, unspecified digits from the right (`201X`, `20XX`, `2021-XX`,
 * `2021-08-XX`, `2021-XX-XX`), a wholly unspecified year before a known month or day (`XXXX-03`,
 * `XXXX-03-17`, level 2: "17 March, year unknown"), seasons `2021-21`…`2021-24` (spring…winter, northern hemisphere),
 * time of day `THH:MM[:SS]` with `Z` or `±HH:MM` (or no offset = local time of the place), and
 * intervals `a/b` whose ends may be open (`..`) or unknown (empty). Not supported (rejected with
 * a reason): years beyond 0000–9999 (`Y` prefix, negative years) and level-2 features. Pure and
 * runtime-neutral: UI, export and main use it.
 */

export type EdtfPrecision = 'year' | 'month' | 'day'

/** Time of day as written; `offsetMinutes` null means "local time" with no known offset. */
export interface EdtfTime {
  hour: number
  minute: number
  /** Null when the string had no seconds (`23:00`), kept so formatting round-trips. */
  second: number | null
  /** Minutes east of UTC; `Z` is 0 with `utc: true`. */
  offsetMinutes: number | null
  /** True when written as `Z` rather than `+00:00`. */
  utc: boolean
}

/** Level-1 unspecified digits written as X; only present when some are. */
export interface EdtfUnspecified {
  /**
   * Trailing year digits written X: 1 for a decade (`201X`, year 2010), 2 for a century (`20XX`),
   * 4 for an unknown year with a known month (`XXXX-03-17`; `year` is then 0 and means nothing).
   */
  yearDigits: 0 | 1 | 2 | 4
  /** `2021-XX`: the month is unknown (month is null). */
  month: boolean
  /** `2021-08-XX`: the day is unknown (day is null). */
  day: boolean
}

export type EdtfSeason = 21 | 22 | 23 | 24

export interface EdtfDate {
  type: 'date'
  /** For `201X` the first year of the span (2010). */
  year: number
  /** Null for year precision, unspecified months and seasons. */
  month: number | null
  day: number | null
  /** A season counts as year precision for consumers that only read year/month/day. */
  precision: EdtfPrecision
  approximate: boolean
  uncertain: boolean
  time: EdtfTime | null
  unspecified?: EdtfUnspecified
  /** 21 spring (Mar–May), 22 summer (Jun–Aug), 23 autumn (Sep–Nov), 24 winter (Dec–Feb). */
  season?: EdtfSeason
}

/** `..` (open: runs on indefinitely) or empty (unknown) interval end. */
export interface EdtfOpenEnd {
  type: 'open' | 'unknown'
}

export interface EdtfInterval {
  type: 'interval'
  start: EdtfDate | EdtfOpenEnd
  end: EdtfDate | EdtfOpenEnd
}

export type Edtf = EdtfDate | EdtfInterval

export interface DayBounds {
  /** First possible day, `YYYY-MM-DD`. */
  earliest: string
  /** Last possible day, `YYYY-MM-DD`. */
  latest: string
}

/** Day used as the lower bound of an open or unknown interval start. */
export const MIN_DAY = '0000-01-01'
/** Day used as the upper bound of an open or unknown interval end. */
export const MAX_DAY = '9999-12-31'

/** Thrown by `parseEdtf` with a reason a user can act on. */
export class EdtfError extends Error {
  constructor(input: string, reason: string) {
    super(`"${input}" is not a supported EDTF date: ${reason}`)
    this.name = 'EdtfError'
  }
}

const DATE_RE = /^(\d{4}|\d{3}X|\d{2}XX|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?([?~%])?$/

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
}

/** True when the day exists in the proleptic Gregorian calendar (any year 0–9999). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/**
 * The last day a year (`YYYY`) or month (`YYYY-MM`) covers, as `YYYY-MM-DD`, for the end of a
 * typed range; anything else is returned as it is.
 */
export function lastDayOf(yearOrMonth: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(yearOrMonth)
  if (!m) return yearOrMonth
  const month = m[2] === undefined ? 12 : Number(m[2])
  if (month < 1 || month > 12) return yearOrMonth
  return `${m[1]}-${pad(month)}-${pad(daysInMonth(Number(m[1]), month))}`
}

function parseDate(input: string, part: string): EdtfDate {
  if (/^Y|^-/.test(part)) throw new EdtfError(input, 'years outside 0000–9999 are not supported')
  const m = DATE_RE.exec(part)
  if (!m) {
    const why = /X/.test(part)
      ? 'unspecified digits (X) may only end a year (201X, 20XX), replace a whole year before a month (XXXX-03-17) or replace a whole month or day'
      : 'expected YYYY, YYYY-MM or YYYY-MM-DD, optionally with a time or ? ~ %'
    throw new EdtfError(input, why)
  }
  const yearX = (m[1]!.match(/X/g) ?? []).length as 0 | 1 | 2 | 4
  const year = Number(m[1]!.replace(/X/g, '0'))
  const monthX = m[2] === 'XX'
  const dayX = m[3] === 'XX'
  if ((yearX === 1 || yearX === 2) && m[2] !== undefined) throw new EdtfError(input, 'a year with X digits cannot have a month or day')
  if (yearX === 4 && (m[2] === undefined || monthX)) throw new EdtfError(input, 'an unknown year (XXXX) needs a known month, as in XXXX-03-17')
  if (yearX === 4 && m[2] !== undefined && Number(m[2]) > 12) throw new EdtfError(input, 'an unknown year cannot have a season')
  if (monthX && m[3] !== undefined && !dayX) throw new EdtfError(input, 'an unspecified month needs an unspecified day')
  const rawMonth = m[2] === undefined || monthX ? null : Number(m[2])
  let season: EdtfSeason | undefined
  let month = rawMonth
  if (rawMonth !== null && rawMonth >= 21 && rawMonth <= 24 && m[3] === undefined) {
    season = rawMonth as EdtfSeason
    month = null
  } else if (rawMonth !== null && (rawMonth < 1 || rawMonth > 12)) {
    throw new EdtfError(input, rawMonth >= 25 && rawMonth <= 41 ? 'level-2 seasons are not supported' : `month ${m[2]} does not exist`)
  }
  const day = m[3] === undefined || dayX ? null : Number(m[3])
  if (day !== null && !isCalendarDate(year, month!, day)) {
    throw new EdtfError(input, `${m[1]}-${m[2]} has no day ${m[3]}`)
  }
  let time: EdtfTime | null = null
  if (m[4] !== undefined) {
    if (day === null) throw new EdtfError(input, 'a time needs a full date')
    const hour = Number(m[4])
    const minute = Number(m[5])
    const second = m[6] === undefined ? null : Number(m[6])
    if (hour > 23 || minute > 59 || (second !== null && second > 59)) throw new EdtfError(input, 'time out of range')
    let offsetMinutes: number | null = null
    const utc = m[7] === 'Z'
    if (utc) offsetMinutes = 0
    else if (m[7] !== undefined) {
      const oh = Number(m[7].slice(1, 3))
      const om = Number(m[7].slice(4, 6))
      if (oh > 14 || om > 59) throw new EdtfError(input, `offset ${m[7]} out of range`)
      offsetMinutes = (m[7][0] === '-' ? -1 : 1) * (oh * 60 + om)
    }
    time = { hour, minute, second, offsetMinutes, utc }
  }
  const q = m[8]
  if (q !== undefined && time) throw new EdtfError(input, 'qualifiers cannot be applied to a date with a time')
  const date: EdtfDate = {
    type: 'date',
    year,
    month,
    day,
    precision: day !== null ? 'day' : month !== null ? 'month' : 'year',
    approximate: q === '~' || q === '%',
    uncertain: q === '?' || q === '%',
    time
  }
  if (yearX > 0 || monthX || dayX) date.unspecified = { yearDigits: yearX, month: monthX, day: dayX }
  if (season !== undefined) date.season = season
  return date
}

function parseEnd(input: string, part: string): EdtfDate | EdtfOpenEnd {
  if (part === '..') return { type: 'open' }
  if (part === '') return { type: 'unknown' }
  return parseDate(input, part)
}

/** Parses an EDTF string; throws EdtfError naming the problem. */
export function parseEdtf(input: string): Edtf {
  const s = input.trim()
  if (s === '') throw new EdtfError(input, 'empty')
  const parts = s.split('/')
  if (parts.length === 1) return parseDate(input, s)
  if (parts.length > 2) throw new EdtfError(input, 'more than one "/"')
  const start = parseEnd(input, parts[0]!)
  const end = parseEnd(input, parts[1]!)
  if (start.type !== 'date' && end.type !== 'date') throw new EdtfError(input, 'an interval needs at least one date')
  const interval: EdtfInterval = { type: 'interval', start, end }
  if (start.type === 'date' && end.type === 'date' && dateBounds(start).earliest > dateBounds(end).latest) {
    throw new EdtfError(input, 'the interval ends before it starts')
  }
  return interval
}

/** Parses, returning null instead of throwing. */
export function tryParseEdtf(input: string): Edtf | null {
  try {
    return parseEdtf(input)
  } catch (err) {
    if (err instanceof EdtfError) return null
    throw err
  }
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

function formatDate(d: EdtfDate): string {
  const u = d.unspecified
  let s = pad(d.year, 4)
  if (u?.yearDigits) s = s.slice(0, 4 - u.yearDigits) + 'X'.repeat(u.yearDigits)
  if (d.season !== undefined) s += `-${d.season}`
  else if (u?.month) s += '-XX'
  else if (d.month !== null) s += `-${pad(d.month)}`
  if (u?.day) s += '-XX'
  else if (d.day !== null) s += `-${pad(d.day)}`
  if (d.time) {
    s += `T${pad(d.time.hour)}:${pad(d.time.minute)}`
    if (d.time.second !== null) s += `:${pad(d.time.second)}`
    if (d.time.utc) s += 'Z'
    else if (d.time.offsetMinutes !== null) s += formatOffset(d.time.offsetMinutes)
  }
  if (d.approximate && d.uncertain) s += '%'
  else if (d.approximate) s += '~'
  else if (d.uncertain) s += '?'
  return s
}

function formatEnd(e: EdtfDate | EdtfOpenEnd): string {
  if (e.type === 'date') return formatDate(e)
  return e.type === 'open' ? '..' : ''
}

/** Canonical EDTF string of a parsed value (inverse of `parseEdtf`). */
export function formatEdtf(value: Edtf): string {
  if (value.type === 'date') return formatDate(value)
  return `${formatEnd(value.start)}/${formatEnd(value.end)}`
}

const SEASON_MONTHS: Record<EdtfSeason, [number, number]> = { 21: [3, 5], 22: [6, 8], 23: [9, 11], 24: [12, 14] }

function dateBounds(d: EdtfDate): DayBounds {
  const y = pad(d.year, 4)
  if (d.season !== undefined) {
    const [from, to] = SEASON_MONTHS[d.season]
    const endYear = d.year + (to > 12 ? 1 : 0)
    const endMonth = to > 12 ? to - 12 : to
    return { earliest: `${y}-${pad(from)}-01`, latest: `${pad(endYear, 4)}-${pad(endMonth)}-${pad(daysInMonth(endYear, endMonth))}` }
  }
  // An unknown year can be any year: nothing may be excluded or placed by it.
  if (d.unspecified?.yearDigits === 4) return { earliest: MIN_DAY, latest: MAX_DAY }
  if (d.unspecified?.yearDigits) return { earliest: `${y}-01-01`, latest: `${pad(d.year + 10 ** d.unspecified.yearDigits - 1, 4)}-12-31` }
  if (d.month === null) return { earliest: `${y}-01-01`, latest: `${y}-12-31` }
  const m = pad(d.month)
  if (d.day === null) return { earliest: `${y}-${m}-01`, latest: `${y}-${m}-${pad(daysInMonth(d.year, d.month))}` }
  const day = `${y}-${m}-${pad(d.day)}`
  return { earliest: day, latest: day }
}

/** Earliest and latest day a parsed value can denote; open or unknown ends reach MIN_DAY/MAX_DAY. */
export function boundsOf(value: Edtf): DayBounds {
  if (value.type === 'date') return dateBounds(value)
  return {
    earliest: value.start.type === 'date' ? dateBounds(value.start).earliest : MIN_DAY,
    latest: value.end.type === 'date' ? dateBounds(value.end).latest : MAX_DAY
  }
}

/** Earliest and latest day an EDTF date or interval can denote; null when it does not parse. */
export function edtfBounds(edtf: string): DayBounds | null {
  const parsed = tryParseEdtf(edtf)
  return parsed ? boundsOf(parsed) : null
}

const PRECISION_RANK: Record<EdtfPrecision, number> = { year: 0, month: 1, day: 2 }

/** The date that places a value on the timeline: the start, or the end of an open-start interval. */
function anchorDate(value: Edtf): EdtfDate {
  if (value.type === 'date') return value
  if (value.start.type === 'date') return value.start
  return value.end as EdtfDate
}

/** True for a date whose year is wholly unknown (`XXXX-03-17`). */
export function isYearUnknown(d: EdtfDate): boolean {
  return d.unspecified?.yearDigits === 4
}

/** True when an EDTF string parses and its (first) date has a wholly unknown year. */
export function edtfYearUnknown(edtf: string): boolean {
  const parsed = tryParseEdtf(edtf)
  return parsed !== null && isYearUnknown(anchorDate(parsed))
}

/**
 * The days an article's publication date stores for sorting and date filters: its bounds, or
 * null when the year is unknown, so that no `after:`/`before:` filter passes it and it sorts
 * with the undated, last.
 */
export function publishedDays(value: Edtf): DayBounds | null {
  return isYearUnknown(anchorDate(value)) ? null : boundsOf(value)
}

/**
 * A string whose lexicographic order is chronological order: earliest day, then precision (a
 * year sorts before its months, a month before its days), then time of day as written (untimed
 * first), then the latest day (shorter spans first). Open-start intervals sort at their end.
 * Dates of unknown year sort after every known year, by month and day.
 */
export function edtfSortKey(value: Edtf): string {
  const bounds = boundsOf(value)
  const anchor = anchorDate(value)
  const first = isYearUnknown(anchor)
    ? `9999-${pad(anchor.month!)}-${pad(anchor.day ?? 0)}`
    : value.type === 'interval' && value.start.type !== 'date'
      ? dateBounds(anchor).earliest
      : bounds.earliest
  const t = anchor.time
  const time = t ? `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second ?? 0)}` : '--:--:--'
  return `${first}|${PRECISION_RANK[anchor.precision]}|${time}|${bounds.latest}`
}

/** Precision of the date that places a value on the timeline. */
export function edtfPrecision(value: Edtf): EdtfPrecision {
  return anchorDate(value).precision
}

/** Parses and derives everything stored with an event date; throws EdtfError. */
export function deriveEdtf(input: string): { edtf: string; earliest: string; latest: string; sortKey: string } {
  const value = parseEdtf(input)
  const bounds = boundsOf(value)
  return { edtf: formatEdtf(value), earliest: bounds.earliest, latest: bounds.latest, sortKey: edtfSortKey(value) }
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
] as const

const SEASON_NAMES: Record<EdtfSeason, string> = { 21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter' }

function plainDate(d: EdtfDate): string {
  if (d.season !== undefined) return `${SEASON_NAMES[d.season]} ${d.year}${d.season === 24 ? `–${String(d.year + 1).slice(-2)}` : ''}`
  if (d.unspecified?.yearDigits === 4) {
    const month = MONTH_NAMES[d.month! - 1]!
    return `${d.day === null ? month : `${d.day} ${month}`} (year unknown)`
  }
  if (d.unspecified?.yearDigits === 1) return `${d.year}s`
  if (d.unspecified?.yearDigits === 2) return `${d.year}–${d.year + 99}`
  if (d.unspecified?.month) return `${d.year} (${d.unspecified.day ? 'month and day' : 'month'} unknown)`
  if (d.unspecified?.day) return `${MONTH_NAMES[d.month! - 1]} ${d.year} (day unknown)`
  if (d.month === null) return String(d.year)
  const month = MONTH_NAMES[d.month - 1]!
  return d.day === null ? `${month} ${d.year}` : `${d.day} ${month} ${d.year}`
}

function humanOffset(minutes: number): string {
  if (minutes === 0) return 'UTC'
  const sign = minutes < 0 ? '−' : '+'
  const abs = Math.abs(minutes)
  const m = abs % 60
  return `UTC${sign}${Math.floor(abs / 60)}${m ? `:${pad(m)}` : ''}`
}

function humanTime(t: EdtfTime): string {
  let s = `${pad(t.hour)}:${pad(t.minute)}`
  if (t.second !== null) s += `:${pad(t.second)}`
  if (t.offsetMinutes !== null) s += ` (${humanOffset(t.offsetMinutes)})`
  return s
}

function humanDate(d: EdtfDate): string {
  let s = plainDate(d)
  if (d.time) s += `, ${humanTime(d.time)}`
  if (d.approximate) s = `c. ${s}`
  if (d.uncertain) s += ' (uncertain)'
  return s
}

function unqualified(d: EdtfDate): boolean {
  return !d.approximate && !d.uncertain && d.time === null
}

/** "30–31 August 2021", "30 August – 2 September 2021", "August–September 2021", "2020–2021". */
function compactRange(a: EdtfDate, b: EdtfDate): string | null {
  if (a.precision !== b.precision || a.season || b.season || a.unspecified || b.unspecified) return null
  if (a.precision === 'year') return `${a.year}–${b.year}`
  if (a.year !== b.year) return null
  if (a.precision === 'month') return `${MONTH_NAMES[a.month! - 1]}–${MONTH_NAMES[b.month! - 1]} ${a.year}`
  if (a.month === b.month) return `${a.day}–${b.day} ${MONTH_NAMES[a.month! - 1]} ${a.year}`
  return `${a.day} ${MONTH_NAMES[a.month! - 1]} – ${b.day} ${MONTH_NAMES[b.month! - 1]} ${a.year}`
}

/** "early/mid/late August 2021" for a span of at most eleven days inside one month. */
function partOfMonth(a: EdtfDate, b: EdtfDate): string | null {
  if (a.precision !== 'day' || b.precision !== 'day' || a.year !== b.year || a.month !== b.month) return null
  if (b.day! - a.day! > 10) return null
  const middle = (a.day! + b.day!) / 2
  const part = middle <= 10 ? 'early ' : middle <= 20 ? 'mid-' : 'late '
  return `${part}${MONTH_NAMES[a.month! - 1]} ${a.year}`
}

/**
 * How a person would write the date: "15 August 2021", "August 2021", "2021", "30–31 August 2021",
 * "c. 23 August 2021", "late August 2021 (approx.)" (an approximate span within a month),
 * "3 September 2021 (uncertain)", "31 August 2021, 23:00 (UTC+4:30)", "17 March (year unknown)".
 */
export function humanizeEdtf(value: Edtf): string {
  if (value.type === 'date') return humanDate(value)
  const { start, end } = value
  if (start.type !== 'date') return end.type === 'date' ? `${start.type === 'open' ? 'until' : 'unknown start –'} ${humanDate(end)}` : ''
  if (end.type !== 'date') return end.type === 'open' ? `from ${humanDate(start)}` : `${humanDate(start)} – unknown end`
  if (start.time === null && end.time === null) {
    const sameQualifiers = start.approximate === end.approximate && start.uncertain === end.uncertain
    if (sameQualifiers) {
      const bare = { ...start, approximate: false, uncertain: false }
      const bareEnd = { ...end, approximate: false, uncertain: false }
      const approx = start.approximate ? (partOfMonth(bare, bareEnd) ?? compactRange(bare, bareEnd)) : compactRange(bare, bareEnd)
      if (approx) {
        const notes = [start.approximate ? 'approx.' : null, start.uncertain ? 'uncertain' : null].filter(Boolean)
        return notes.length ? `${approx} (${notes.join(', ')})` : approx
      }
    }
  }
  if (unqualified(start) && unqualified(end)) {
    const compact = compactRange(start, end)
    if (compact) return compact
  }
  return `${humanDate(start)} – ${humanDate(end)}`
}

/** `humanizeEdtf` over a string; returns the input unchanged when it does not parse. */
export function humanizeEdtfString(edtf: string): string {
  const parsed = tryParseEdtf(edtf)
  return parsed ? humanizeEdtf(parsed) : edtf
}
