import type { PublishedDate } from '../../../shared/types'
import { FULL_WEEKDAY_PATTERN, MONTH_PATTERN, WEEKDAY_PATTERN, isValidDate, monthNumber, weekdayNumber, weekdayOf } from './months'

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
  if (month !== null && day !== null && !isValidDate(year, month, day)) return null
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

const WEEKDAY_DATE = new RegExp(
  `(?:^|[^\\p{L}])(${WEEKDAY_PATTERN})\\.?,?\\s+(?:the\\s+)?(?:(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?!\\d)|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN}))`,
  'gu'
)
const WEEKDAY_ALONE = new RegExp(`(?:^|[^\\p{L}])(${FULL_WEEKDAY_PATTERN})(?![\\p{L}])`, 'gu')
const YEAR_WITH_MONTH = new RegExp(`(?<!\\p{L})(?:${MONTH_PATTERN})\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?,?\\s+((?:1[6-9]|20)\\d{2})(?!\\d)`, 'gu')
const BARE_YEAR = /(?:^|[^\d])((?:1[6-9]|20)\d{2})(?![\d])/g

/** The evidence for a publication date that the text and the file offer. */
export interface DateEvidence {
  /** Day and month from the dateline, with the year when it gives one. */
  dateline: { month: number; day: number; year: number | null } | null
  /** The paragraph that carried the dateline: its weekday words usually name that same day. */
  lead: string | null
  /** The whole clean text. */
  text: string
  /** File modification time; the article cannot be newer. */
  mtime: Date | null
  /** The import clock, standing in for a missing mtime. */
  now: Date
}

const FIRST_YEAR = 1990
// A weekday match or a year written with a month; bare years alone (often historical) are not enough.
const MIN_TEXT_EVIDENCE = 1

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

function latestPossible(ev: DateEvidence): Date {
  const t = ev.mtime ?? ev.now
  return new Date(t.getTime() + 36 * 3600 * 1000)
}

function notAfter(year: number, month: number, day: number, limit: Date): boolean {
  return Date.UTC(year, month - 1, day) <= limit.getTime()
}

/**
 * Scores candidate years for a day and month from the text alone: each weekday-and-date pair
 * ("Saturday, August 21") votes 3 for the years where it holds (shifted by one when the pair
 * falls more than six months away from the target month, i.e. across New Year); a weekday named
 * in the lead paragraph votes 2 for years where the target date is that weekday; a year written
 * with a month votes 1 (at most 3), a bare year 0.3 (at most 1).
 */
function textScores(ev: DateEvidence, month: number, day: number, years: number[]): Map<number, number> {
  const scores = new Map(years.map((y) => [y, 0]))
  const add = (y: number, v: number): void => {
    if (scores.has(y)) scores.set(y, scores.get(y)! + v)
  }
  const pairs = new Set<string>()
  for (const m of ev.text.matchAll(WEEKDAY_DATE)) {
    const wd = weekdayNumber(m[1]!)
    const pm = monthNumber((m[2] ?? m[5])!)
    const pd = Number(m[3] ?? m[4])
    if (wd === null || pm === null) continue
    const key = `${wd}-${pm}-${pd}`
    if (pairs.has(key)) continue
    pairs.add(key)
    const shift = pm - month > 6 ? 1 : month - pm > 6 ? -1 : 0
    for (const y of years) {
      const py = y - shift
      if (isValidDate(py, pm, pd) && weekdayOf(py, pm, pd) === wd) add(y, 3)
    }
  }
  if (ev.lead !== null) {
    const named = new Set<number>()
    for (const m of ev.lead.matchAll(WEEKDAY_ALONE)) {
      const wd = weekdayNumber(m[1]!)
      if (wd !== null) named.add(wd)
    }
    for (const y of years) if (isValidDate(y, month, day) && named.has(weekdayOf(y, month, day))) add(y, 2)
  }
  const withMonth = new Map<number, number>()
  for (const m of ev.text.matchAll(YEAR_WITH_MONTH)) withMonth.set(Number(m[1]), (withMonth.get(Number(m[1])) ?? 0) + 1)
  for (const [y, n] of withMonth) add(y, Math.min(3, n))
  const bare = new Set<number>()
  for (const m of ev.text.matchAll(BARE_YEAR)) bare.add(Number(m[1]))
  for (const y of bare) if (!withMonth.has(y)) add(y, 0.3)
  return scores
}

/**
 * The publication date from a dateline's day and month plus the best-supported year.
 *
 * Rule: a year in the dateline itself wins (provenance `dateline`). Otherwise every year from
 * 1990 up to the file's mtime (or the import clock) is scored on text evidence (see
 * `textScores`); candidates whose date would fall after the mtime are impossible. If the best
 * year scores at least 1 (a weekday match or a year written with a month; bare years only
 * break ties), it wins (ties go to the year nearest the mtime) with provenance `text`.
 * Otherwise the year is the latest one that puts the date on or before
 * the mtime, provenance `file`, and the EDTF carries `?` because the year is a guess from when
 * the file was saved (or imported, when no mtime is known) rather than from the article.
 *
 * The candidate years start in 1990, or earlier when the latest year the text mentions is
 * older (an archive of historical texts).
 *
 * Without a dateline date, weekday-and-date pairs alone may still suggest a year: the result is
 * then year-precision with provenance `text`, marked `?` unless two pairs agree, and dropped
 * when it lies more than two years after the latest year the text mentions. Returns null when
 * nothing supports a date.
 */
export function inferPublished(ev: DateEvidence): PublishedDate | null {
  const limit = latestPossible(ev)
  const anchor = limit.getUTCFullYear()
  if (ev.dateline !== null) {
    const { month, day, year } = ev.dateline
    if (year !== null) return toPublished({ year, month, day }, 'dateline')
    const years: number[] = []
    for (let y = firstCandidateYear(ev, anchor); y <= anchor; y++) if (isValidDate(y, month, day) && notAfter(y, month, day, limit)) years.push(y)
    if (years.length === 0) return null
    const scores = textScores(ev, month, day, years)
    let best = years[years.length - 1]!
    let bestScore = 0
    for (const y of years) {
      const s = scores.get(y)!
      if (s > bestScore || (s === bestScore && s > 0 && Math.abs(anchor - y) < Math.abs(anchor - best))) {
        best = y
        bestScore = s
      }
    }
    if (bestScore >= MIN_TEXT_EVIDENCE) return toPublished({ year: best, month, day }, 'text')
    best = years[years.length - 1]!
    return toPublished({ year: best, month, day }, 'file', true)
  }
  return yearFromWeekdayPairs(ev, anchor, limit)
}

function yearFromWeekdayPairs(ev: DateEvidence, anchor: number, limit: Date): PublishedDate | null {
  const votes = new Map<number, number>()
  const first = firstCandidateYear(ev, anchor)
  for (const m of ev.text.matchAll(WEEKDAY_DATE)) {
    const wd = weekdayNumber(m[1]!)
    const pm = monthNumber((m[2] ?? m[5])!)
    const pd = Number(m[3] ?? m[4])
    if (wd === null || pm === null) continue
    for (let y = first; y <= anchor; y++) {
      if (isValidDate(y, pm, pd) && notAfter(y, pm, pd, limit) && weekdayOf(y, pm, pd) === wd) votes.set(y, (votes.get(y) ?? 0) + 1)
    }
  }
  let best: number | null = null
  for (const [y, v] of votes) {
    const bv = best === null ? -1 : votes.get(best)!
    if (v > bv || (v === bv && Math.abs(anchor - y) < Math.abs(anchor - best!))) best = y
  }
  if (best === null) return null
  // An article rarely appears years after the latest year it mentions.
  const latest = latestMentionedYear(ev.text, anchor)
  if (latest !== null && best - latest > 2) return null
  // One pair fits a year in seven: the year stays uncertain unless two pairs agree on it.
  return toPublished({ year: best, month: null, day: null }, 'text', votes.get(best)! < 2)
}
