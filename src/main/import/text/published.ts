import type { PublishedDate } from '../../../shared/types'
import { isCalendarDate } from '../../../shared/edtf'
import { dayExists } from './dateline'
import { MONTH_PATTERN, WEEKDAY_PATTERN, monthNumber, weekdayNumber, weekdayOf } from './months'

/** A calendar date as written: the year, and the month and day when given. */
export interface WrittenDate {
  year: number
  month: number | null
  day: number | null
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** Formats a written date as EDTF with its precision (a `?` is appended when `uncertain`). */
export function toPublished(date: WrittenDate, provenance: PublishedDate['provenance'], uncertain = false): PublishedDate {
  const q = uncertain ? '?' : ''
  if (date.month === null) return { edtf: `${date.year}${q}`, precision: 'year', provenance }
  if (date.day === null) return { edtf: `${date.year}-${pad(date.month)}${q}`, precision: 'month', provenance }
  return { edtf: `${date.year}-${pad(date.month)}-${pad(date.day)}${q}`, precision: 'day', provenance }
}

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]|$)/
const DAY_MONTH_YEAR = new RegExp(`(?:^|[^\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})(?!\\d)`, 'u')
const MONTH_DAY_YEAR = new RegExp(`(?:^|[^\\p{L}])(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'u')
const MONTH_YEAR = new RegExp(`(?:^|[^\\p{L}])(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})(?!\\d)`, 'u')
const NUMERIC_DMY = /(?:^|[^\d])(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/

function checked(year: number, month: number | null, day: number | null): WrittenDate | null {
  if (year < 1000 || year > 9999) return null
  if (month !== null && (month < 1 || month > 12)) return null
  if (month !== null && day !== null && !isCalendarDate(year, month, day)) return null
  return { year, month, day }
}

/**
 * Reads a written date: ISO (`2021-09-01`, `2021-09`, `2021`, with any time), RFC 2822
 * (`Wed, 1 Sep 2021 10:00 +0300`, taken as the calendar date the sender wrote), `September 1,
 * 2021`, `1 September 2021`, `01.09.2021`, `September 2021`. Null when none fits.
 */
export function parseWrittenDate(value: string): WrittenDate | null {
  const s = value.trim()
  const iso = ISO.exec(s)
  if (iso) return checked(Number(iso[1]), iso[2] ? Number(iso[2]) : null, iso[3] ? Number(iso[3]) : null)
  const dmy = DAY_MONTH_YEAR.exec(s)
  if (dmy) return checked(Number(dmy[3]), monthNumber(dmy[2]!), Number(dmy[1]))
  const mdy = MONTH_DAY_YEAR.exec(s)
  if (mdy) return checked(Number(mdy[3]), monthNumber(mdy[1]!), Number(mdy[2]))
  const num = NUMERIC_DMY.exec(s)
  if (num) return checked(Number(num[3]), Number(num[2]), Number(num[1]))
  const my = MONTH_YEAR.exec(s)
  if (my) return checked(Number(my[2]), monthNumber(my[1]!), null)
  return null
}

// A weekday with its date is found in two steps, the names alone and then what follows them: the
// whole pattern, which began with a class any non-letter fits, was tried at every character of the
// text (0.2 ms of a 6,000-character article's import against 0.05).
const WEEKDAY = new RegExp(`(?:${WEEKDAY_PATTERN})`, 'gu')
const AFTER_WEEKDAY = new RegExp(
  `\\.?,?\\s+(?:the\\s+)?(?:(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?!\\d)|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN}))`,
  'uy'
)
const LETTER = /\p{L}/u
const BARE_YEAR = /(?:^|[^\d])((?:1[6-9]|20)\d{2})(?![\d])/g

/** The evidence for a publication date that the text and the file offer. */
export interface DateEvidence {
  /** Day and month from the dateline, with the year when it gives one. */
  dateline: { month: number; day: number; year: number | null } | null
  /** The whole clean text. */
  text: string
  /** File modification time; the article cannot be newer. */
  mtime: Date | null
  /** The import clock, standing in for a missing mtime. */
  now: Date
  /** When a saved page was captured (SingleFile, Wayback Machine), if it says. */
  captured?: Date | null
}

const FIRST_YEAR = 1990
// A page captured this soon after the dateline's day and month was captured in that day's year.
const MAX_CAPTURE_DAYS = 31
// An article rarely appears years after the latest year it mentions: a guess from the file's
// time that lands further away than this is not offered (the year stays unknown).
const MAX_YEARS_AFTER_TEXT = 2

/** The latest plausible year the text itself mentions (not after the limit), or null. */
function latestMentionedYear(text: string, limitYear: number): number | null {
  let latest: number | null = null
  for (const m of text.matchAll(BARE_YEAR)) {
    const y = Number(m[1])
    if (y <= limitYear && (latest === null || y > latest)) latest = y
  }
  return latest
}

/** First candidate year: 1990, or earlier for a text whose own years are older (archives, history). */
function firstCandidateYear(ev: DateEvidence, limitYear: number): number {
  const latest = latestMentionedYear(ev.text, limitYear)
  return latest === null ? FIRST_YEAR : Math.min(FIRST_YEAR, latest - 1)
}

// The file may have been saved in a time zone ahead of UTC, up to a day and a half.
function latestPossible(ev: DateEvidence): Date {
  const t = ev.mtime ?? ev.now
  return new Date(t.getTime() + 36 * 3600 * 1000)
}

function notAfter(year: number, month: number, day: number, limit: Date): boolean {
  return Date.UTC(year, month - 1, day) <= limit.getTime()
}

/** A weekday written with its date in one phrase: "Saturday, March 17", "Sat 17 March". */
export interface WeekdayPair {
  weekday: number
  month: number
  day: number
}

/** Whether the character before `at` is a letter (a weekday name must start a word). */
function letterBefore(text: string, at: number): boolean {
  if (at === 0) return false
  const low = text.charCodeAt(at - 1)
  const start = at >= 2 && low >= 0xdc00 && low <= 0xdfff ? at - 2 : at - 1
  return LETTER.test(String.fromCodePoint(text.codePointAt(start)!))
}

/** Every weekday written with its date, each pair once, as a match of the two steps in one pattern would find them. */
export function weekdayPairs(text: string): WeekdayPair[] {
  const out: WeekdayPair[] = []
  const seen = new Set<string>()
  WEEKDAY.lastIndex = 0
  for (let m = WEEKDAY.exec(text); m !== null; m = WEEKDAY.exec(text)) {
    if (letterBefore(text, m.index)) continue
    AFTER_WEEKDAY.lastIndex = m.index + m[0].length
    const d = AFTER_WEEKDAY.exec(text)
    if (d === null) continue
    // One pattern would have taken the character before the next weekday with this match.
    WEEKDAY.lastIndex = AFTER_WEEKDAY.lastIndex + 1
    const weekday = weekdayNumber(m[0])
    const month = monthNumber((d[1] ?? d[4])!)
    const day = Number(d[2] ?? d[3])
    if (weekday === null || month === null) continue
    const key = `${weekday}-${month}-${day}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ weekday, month, day })
  }
  return out
}

// A pair this close to the dispatch day tells its year; one further away may be a past or coming
// event ("on Sunday, December 7" in a March dispatch) and decides nothing.
const MAX_PAIR_DAYS = 31

function nearDispatch(pair: WeekdayPair, month: number, day: number): boolean {
  // Calendar distance in a common year, wrapped across New Year.
  const diff = Math.abs(Date.UTC(2001, pair.month - 1, pair.day) - Date.UTC(2001, month - 1, day)) / 86_400_000
  return Math.min(diff, 365 - diff) <= MAX_PAIR_DAYS
}

/** True when the pair holds in the dispatch's year `y` (the year after or before across New Year). */
function pairHolds(pair: WeekdayPair, y: number, month: number): boolean {
  const shift = pair.month - month > 6 ? 1 : month - pair.month > 6 ? -1 : 0
  const py = y - shift
  return isCalendarDate(py, pair.month, pair.day) && weekdayOf(py, pair.month, pair.day) === pair.weekday
}

/**
 * The publication date from a dateline's day and month. A year is asserted only when something
 * proves it; otherwise the result says what is not known.
 *
 * 1. A year in the dateline itself wins (provenance `dateline`, day precision).
 * 2. A capture timestamp the saved page records (SingleFile, Wayback Machine) no more than 31
 *    days after the latest occurrence of the day and month before it fixes the year
 *    (provenance `capture`).
 * 3. A weekday tied to a date in one phrase ("Saturday, March 17", "on Friday, 16 March") fixes
 *    the year among those that put the date on that weekday. Every such pair within 31 days of
 *    the dispatch day must hold (across New Year too; pairs further away may be past or coming
 *    events and are ignored); of the years where all hold,
 *    the most recent one whose date is not after the file's modification time (or the import
 *    day) wins, provenance `weekday`, no mark of doubt. Pairs that no single year satisfies
 *    decide nothing.
 * 4. Otherwise nothing proves the year. A weekday alone ("on Saturday morning") names a day
 *    near the dispatch, not the dispatch day, so it decides nothing; neither do years the text
 *    mentions. The best guess is the latest year that puts the date on or before the file's
 *    modification time (provenance `file`) or, without one, the day of import (provenance
 *    `import`), always marked `?`.
 * 5. No guess is offered, and the year is stored as unknown (`XXXX-03-17`, provenance
 *    `dateline`), when no year fits or when the guess lies more than two years after the latest
 *    year the text mentions (an old article in a newly saved file).
 *
 * Candidate years start in 1990, or earlier when the latest year the text mentions is older.
 *
 * Without a dateline date, weekday-and-date pairs alone may still suggest the year of what the
 * article reports: year precision, always `?`, provenance `weekday`, dropped when it lies more
 * than two years after the latest year the text mentions. Returns null when nothing supports a
 * date.
 */
export function inferPublished(ev: DateEvidence): PublishedDate | null {
  const limit = latestPossible(ev)
  const anchor = limit.getUTCFullYear()
  // "May 45" is a number after a month name, not a dateline: a day no year has decides nothing.
  const dateline = ev.dateline && (ev.dateline.day === null || dayExists(ev.dateline.month, ev.dateline.day, ev.dateline.year)) ? ev.dateline : null
  if (dateline === null) return yearFromWeekdayPairs(ev, anchor, limit)
  const { month, day, year } = dateline
  if (year !== null) return toPublished({ year, month, day }, 'dateline')
  const captured = capturedYear(ev.captured ?? null, month, day)
  if (captured !== null) return toPublished({ year: captured, month, day }, 'capture')
  const years: number[] = []
  for (let y = firstCandidateYear(ev, anchor); y <= anchor; y++) if (isCalendarDate(y, month, day) && notAfter(y, month, day, limit)) years.push(y)
  const pairs = weekdayPairs(ev.text).filter((p) => nearDispatch(p, month, day))
  if (pairs.length > 0) {
    const tied = years.filter((y) => pairs.every((p) => pairHolds(p, y, month)))
    if (tied.length > 0) return toPublished({ year: tied[tied.length - 1]!, month, day }, 'weekday')
  }
  const unknown = unknownYear(month, day)
  const guess = years[years.length - 1]
  if (guess === undefined) return unknown
  const latest = latestMentionedYear(ev.text, anchor)
  if (latest !== null && guess - latest > MAX_YEARS_AFTER_TEXT) return unknown
  return toPublished({ year: guess, month, day }, ev.mtime === null ? 'import' : 'file', true)
}

/** The year of the last occurrence of the day and month before a capture, if it was recent. */
function capturedYear(captured: Date | null, month: number, day: number): number | null {
  if (captured === null) return null
  const limit = new Date(captured.getTime() + 36 * 3600 * 1000)
  for (let y = limit.getUTCFullYear(); y >= limit.getUTCFullYear() - 1; y--) {
    if (!isCalendarDate(y, month, day) || !notAfter(y, month, day, limit)) continue
    return captured.getTime() - Date.UTC(y, month - 1, day) <= MAX_CAPTURE_DAYS * 86_400_000 ? y : null
  }
  return null
}

/** Day and month as the dateline gives them, the year unknown (EDTF level 2 `XXXX-MM-DD`). */
export function unknownYear(month: number, day: number | null): PublishedDate {
  const edtf = day === null ? `XXXX-${pad(month)}` : `XXXX-${pad(month)}-${pad(day)}`
  return { edtf, precision: day === null ? 'month' : 'day', provenance: 'dateline' }
}

function yearFromWeekdayPairs(ev: DateEvidence, anchor: number, limit: Date): PublishedDate | null {
  const votes = new Map<number, number>()
  const first = firstCandidateYear(ev, anchor)
  for (const p of weekdayPairs(ev.text)) {
    for (let y = first; y <= anchor; y++) {
      if (isCalendarDate(y, p.month, p.day) && notAfter(y, p.month, p.day, limit) && weekdayOf(y, p.month, p.day) === p.weekday) votes.set(y, (votes.get(y) ?? 0) + 1)
    }
  }
  let best: number | null = null
  for (const [y, v] of votes) {
    const bv = best === null ? -1 : votes.get(best)!
    if (v > bv || (v === bv && Math.abs(anchor - y) < Math.abs(anchor - best!))) best = y
  }
  if (best === null) return null
  const latest = latestMentionedYear(ev.text, anchor)
  if (latest !== null && best - latest > MAX_YEARS_AFTER_TEXT) return null
  // The dates the text reports need not be the day it was published: the year stays a guess.
  return toPublished({ year: best, month: null, day: null }, 'weekday', true)
}
