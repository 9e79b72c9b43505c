/**
 * Finds the dates an article's text reports, resolved against its publication date, each with
 * the sentence (or clause) around it as an exact passage anchor. Pure: text in, candidates out.
 *
 * chrono-node (en.casual) finds the expressions; the resolution rules are ours, because news copy
 * speaks of the past: a bare weekday is the most recent such day on or before the dispatch ("on
 * Tuesday" in a Wednesday 1 September 2021 dispatch is 31 August; "on Thursday" in a Thursday
 * dispatch is that day), "last week" is the previous Monday–Sunday as an approximate interval
 * (`2021-08-23~/2021-08-29~`), a day and month without a year take the dispatch's year (the year
 * before when that would put them more than six months after it). Durations ("for 20 years",
 * "within a few hours"), "now", life spans "(1953-2001)" and the dateline are not events.
 * A time followed by "local time" takes its offset from a parenthetical conversion ("23:00 local
 * time (21:30 Moscow time)" → +04:30), else from the dateline or article place, else stays
 * without offset; "Moscow time", "GMT" etc. give their own offset (see zones.ts).
 */
import type * as Chrono from 'chrono-node'
import { daysInMonth, formatEdtf, isCalendarDate, type Edtf, type EdtfDate, type EdtfTime } from '../../../shared/edtf'
import type { PassageAnchor } from '../../../shared/chronology'
import { anchorAt } from '../anchor'
import { findDateline } from './dateline'
import { date, shift, weekday, type Ymd } from './days'
import {
  BETWEEN_DM,
  BETWEEN_MD,
  CONVERSION,
  DAY_RANGE_DM,
  DAY_RANGE_MD,
  EXPLICIT_TIME,
  IN_YEAR,
  LIFESPAN,
  MODIFIED_MONTH,
  MONTH_SRC,
  monthNumber,
  PART_OF_DAY,
  PART_OF_MONTH,
  TIME_TOKEN,
  ZONE_AFTER
} from './patterns'
import { clauseAround, sentenceAt, sentenceSpans, type Span } from '../../../shared/sentences'
import { zoneOffset } from './zones'
import { chrono, dateLanguage, type DateLanguage, type Unit } from './lang'
import { MILITARY_TIME } from './english'
import { languageForms, russianNights } from './lang-forms'
import { weekOf, type DateSink } from './sink'
import { englishYears } from './years'
import { namedDayWord, namedMonth } from './names'
import { clauseDirection, type Direction } from './tense'
import { relationalDates } from './relational'

export { findDateline } from './dateline'

/** The publication date the text is read against; relative expressions need day precision. */
export interface ReferenceDate {
  year: number
  month: number | null
  day: number | null
}

export interface ExtractOptions {
  reference: ReferenceDate | null
  /** The article's place (dateline city) if known, for "local time". */
  place?: string | null
  /** The article's language (BCP 47); decides how dates are read. English when unknown. */
  language?: string | null
}

/** One proposed date with its passage. */
export interface DateCandidate {
  edtf: string
  /** The date expression as written. */
  expression: string
  /** Where the expression is in the text (the quote around it is `anchor`). */
  at: Span
  /** The sentence (or clause) quoted. */
  text: string
  anchor: PassageAnchor
}


export interface Found extends Span {
  value: Edtf
}

/** A modifier next to a weekday or month: "last June", "mardi dernier", "в следующий вторник". */
type Modifier = 'last' | 'next' | 'this' | null

interface TimeFound extends Span {
  time: EdtfTime
  /** Span of a parenthetical conversion that the time consumed, if any. */
  consumed: Span | null
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}

const MONTH_WORD = new RegExp(`(?<!\\p{L})${MONTH_SRC}(?!\\p{L})`, 'giu')

/** Longest sentence quoted whole; longer ones are quoted by the clause around the date. */
const MAX_SENTENCE_QUOTE = 400

class Extractor implements DateSink {
  readonly refDay: Ymd | null
  private readonly claimed: Span[] = []
  private readonly excluded: Span[] = []
  private readonly dates: Found[] = []
  private readonly times: TimeFound[] = []
  private readonly localOffset: number | null
  private readonly sentences: Span[]
  /** Null for English: chrono-node's en parser and the English rules. */
  private readonly lang: DateLanguage | null

  constructor(
    readonly text: string,
    private readonly ref: ReferenceDate | null,
    place: string | null,
    language: string | null
  ) {
    this.lang = dateLanguage(language)
    this.sentences = sentenceSpans(text)
    this.refDay = ref && ref.month !== null && ref.day !== null ? { y: ref.year, m: ref.month, d: ref.day } : null
    const dateline = findDateline(text)
    if (dateline) this.excluded.push(dateline.span)
    for (const m of text.matchAll(LIFESPAN)) this.excluded.push({ start: m.index, end: m.index + m[0].length })
    this.localOffset = zoneOffset(dateline?.place) ?? zoneOffset(place)
  }

  free(span: Span): boolean {
    return !this.excluded.some((x) => overlaps(x, span)) && !this.claimed.some((x) => overlaps(x, span))
  }

  /**
   * Year for a month (and day) written without one, from the reference; null when unknown. A
   * modifier decides first ("last June": the June before the reference month), then the clause's
   * tense (past: the most recent such month or day not after the reference; future: the next one
   * not before it), else the month within six months after the reference or the one before.
   */
  inferYear(month: number, day: number | null = null, span?: Span): number | null {
    if (!this.ref) return null
    if (this.ref.month === null) return this.ref.year
    const { year, month: rm } = this.ref
    const modifier = span ? this.modifier(span) : null
    if (modifier === 'this') return year
    // Month-day as one number so "15 March" compares with a reference of 17 March.
    const refAt = rm * 100 + (this.ref.day ?? 50)
    // "last June" is before the reference month; "le 3 mars dernier" before the reference day.
    if (modifier === 'last') return (day === null ? month < rm : month * 100 + day < refAt) ? year : year - 1
    if (modifier === 'next') return (day === null ? month > rm : month * 100 + day > refAt) ? year : year + 1
    const direction = span ? this.direction(span) : null
    const at = month * 100 + (day ?? (direction === 'past' ? 0 : 99))
    if (direction === 'past') return at <= refAt ? year : year - 1
    if (direction === 'future') return at >= refAt ? year : year + 1
    return month - rm > 6 ? year - 1 : year
  }

  /** True when every month name in an English match is lowercase, so a word ("march", "may"). */
  private monthAsWord(written: string): boolean {
    const names = [...written.matchAll(MONTH_WORD)].map((m) => m[0])
    return names.length > 0 && names.every((n) => n[0] === n[0]!.toLowerCase())
  }

  /** The modifier word right before (or, outside English, after) an expression. */
  private modifier(span: Span): Modifier {
    const written = this.text.slice(span.start, span.end)
    const before = this.text.slice(Math.max(0, span.start - 16), span.start)
    const after = this.text.slice(span.end, span.end + 14)
    const near = (words: string): boolean =>
      new RegExp(`(?<!\\p{L})(?:${words})(?!\\p{L})`, 'iu').test(written) ||
      new RegExp(`(?<!\\p{L})(?:${words})\\s+$`, 'iu').test(before) ||
      (this.lang !== null && new RegExp(`^\\s+(?:${words})(?!\\p{L})`, 'iu').test(after))
    if (near(this.lang?.previous ?? 'last|past')) return 'last'
    if (near(this.lang?.next ?? 'next|coming')) return 'next'
    if (near(this.lang?.thisOne ?? 'this')) return 'this'
    return null
  }

  /** Which way the clause around `span` points in time (English tense; other languages: none). */
  private direction(span: Span): Direction {
    if (this.lang) return null
    const sentence = sentenceAt(this.sentences, span.start)
    if (!sentence) return null
    const clause = clauseAround(this.text, sentence, span.start, span.end)
    return clauseDirection(this.text.slice(clause.start, clause.end), span.start - clause.start)
  }

  addDate(start: number, end: number, value: Edtf): void {
    while (end > start && /[\s.,;:]/.test(this.text[end - 1]!)) end--
    this.dates.push({ start, end, value })
    this.claimed.push({ start, end })
  }

  private patterns(): void {
    for (const m of this.text.matchAll(DAY_RANGE_MD)) this.dayRange(m, m[1]!, m[2]!, m[3]!, m[4])
    for (const m of this.text.matchAll(DAY_RANGE_DM)) this.dayRange(m, m[3]!, m[1]!, m[2]!, m[4])
    for (const m of this.text.matchAll(BETWEEN_MD)) this.dayRange(m, m[1]!, m[2]!, m[3]!, m[4])
    for (const m of this.text.matchAll(BETWEEN_DM)) this.dayRange(m, m[3]!, m[1]!, m[2]!, m[4])
    for (const m of this.text.matchAll(PART_OF_DAY)) {
      const span = { start: m.index, end: m.index + m[0].length }
      const month = monthNumber(m[1] ?? m[4]!)
      const day = Number(m[2] ?? m[3])
      const y = m[5] ? Number(m[5]) : this.inferYear(month, day, span)
      if (y !== null && this.free(span) && isCalendarDate(y, month, day)) this.addDate(span.start, span.end, date(y, month, day))
    }
    for (const m of this.text.matchAll(PART_OF_MONTH)) {
      const span = { start: m.index, end: m.index + m[0].length }
      const month = monthNumber(m[2]!)
      const y = m[3] ? Number(m[3]) : this.inferYear(month, null, span)
      if (y === null || !this.free(span)) continue
      const part = m[1]!.toLowerCase()
      const [from, to] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : [21, daysInMonth(y, month)]
      this.addDate(span.start, span.end, { type: 'interval', start: date(y, month, from, true), end: date(y, month, to, true) })
    }
    if (!this.lang) {
      for (const m of this.text.matchAll(MODIFIED_MONTH)) {
        const span = { start: m.index, end: m.index + m[0].length }
        const month = monthNumber(m[1]!)
        const y = this.inferYear(month, null, span)
        if (y !== null && this.free(span)) this.addDate(span.start, span.end, date(y, month, null))
      }
    }
    for (const m of this.text.matchAll(IN_YEAR)) {
      const span = { start: m.index, end: m.index + m[0].length }
      if (this.free(span)) this.addDate(span.start, span.end, date(Number(m[1]), null, null))
    }
    if (this.lang?.code === 'ru') russianNights(this, this.lang)
  }

  private dayRange(m: RegExpExecArray | RegExpMatchArray, monthName: string, from: string, to: string, year: string | undefined): void {
    const span = { start: m.index!, end: m.index! + m[0].length }
    const month = monthNumber(monthName)
    const a = Number(from)
    const y = year ? Number(year) : this.inferYear(month, a, span)
    const b = Number(to)
    if (y === null || !this.free(span) || !isCalendarDate(y, month, a) || !isCalendarDate(y, month, b) || b <= a) return
    this.addDate(span.start, span.end, { type: 'interval', start: date(y, month, a), end: date(y, month, b) })
  }

  /** The offset that follows a time ("local time (21:30 Moscow time)", "GMT"), if written. */
  private zoneAfter(hour: number, minute: number, end: number): { offset: number | null; utc: boolean; consumed: Span | null } {
    const after = this.text.slice(end, end + 80)
    // "10:15 (0545 GMT)": the conversion alone says which zone the first time is in.
    const direct = this.conversion(hour, minute, after, end)
    if (direct) return direct
    const z = ZONE_AFTER.exec(after)
    if (!z) return { offset: null, utc: false, consumed: null }
    if (z[1] === 'GMT' || z[1] === 'UTC') return { offset: 0, utc: true, consumed: null }
    if (z[1] !== 'local time') return { offset: zoneOffset(z[2]), utc: false, consumed: null }
    return this.conversion(hour, minute, after.slice(z[0].length), end + z[0].length) ?? { offset: this.localOffset, utc: false, consumed: null }
  }

  /** Offset implied by "(21:30 Moscow time)" right at `text` (which starts at offset `at`). */
  private conversion(hour: number, minute: number, text: string, at: number): { offset: number; utc: false; consumed: Span } | null {
    const conv = CONVERSION.exec(text)
    const zone = conv ? zoneOffset(conv[3]) : null
    if (!conv || zone === null || Number(conv[1]) > 23 || Number(conv[2]) > 59) return null
    let offset = zone + (hour * 60 + minute) - (Number(conv[1]) * 60 + Number(conv[2]))
    if (offset > 14 * 60) offset -= 1440
    if (offset <= -12 * 60) offset += 1440
    return { offset, utc: false, consumed: { start: at, end: at + conv[0].length } }
  }

  private chronoResults(): void {
    const r = this.ref
    const instant = new Date(Date.UTC(r?.year ?? 2000, (r?.month ?? 1) - 1, r?.day ?? 1, 12))
    const parser = this.lang?.parser ?? chrono().en.casual
    for (const res of parser.parse(this.text, { instant, timezone: 0 }, { forwardDate: false })) this.chronoResult(res, parser, instant)
  }

  private chronoResult(res: Chrono.ParsedResult, parser: Chrono.Chrono, instant: Date): void {
    // chrono glues a sentence-final number to the next sentence's "Today" ("the next 10. Today").
    // Some locales start a match with the space before it (" Letzte Woche"); in German "3. März" the dot is the day's.
    const lead = /^\s*/.exec(res.text)![0].length
    const glued = lead + (this.lang ? 0 : (/^\d{1,2}\.\s+/.exec(res.text.slice(lead))?.[0].length ?? 0))
    // "October of next year": chrono stops after "of"; the year phrase is read with the month below.
    let written = res.text.slice(glued).replace(/[\s,.;:]+$/, '').replace(/\s+of$/i, '')
    // A spaced dash ends a date phrase: "on 11 December -- four years late" is not four years after it.
    const dash = /\s(?:--|[–—])\s/.exec(written)
    if (dash && dash.index > 0) {
      const head = parser.parse(written.slice(0, dash.index), { instant, timezone: 0 }, { forwardDate: false })[0]
      if (head && head.index === 0) return this.chronoResult(Object.assign(head, { index: res.index + glued }), parser, instant)
      written = written.slice(0, dash.index)
    }
    // "late in the day": chrono reads "late" as a time of day; the day is found by the relational rules.
    const span = { start: res.index + glued, end: res.index + glued + written.length }
    if (!this.free(span)) return
    const tags = res.tags()
    if (tags.has('casualReference/now')) return
    // "1 1/2 million" and "3/4" are fractions, not dates; news writes dates with a month name or a year.
    if (/\b\d{1,2}\/\d{1,2}\b(?!\/\d)/.test(written)) return
    // chrono sometimes joins a date to a time-of-day word a clause or more away.
    if (written.length > 80) return
    const s = res.start
    const timeWritten = EXPLICIT_TIME.test(written)
    // chrono reads "the next 10. Today" as 10:00 today; only a written clock time is a time.
    const sure = (c: Parameters<typeof s.isCertain>[0]): boolean => s.isCertain(c) && (c !== 'hour' || timeWritten)
    const lower = written.toLowerCase()
    // "tonight at 8 o'clock" settles the half of the day as well as am/pm does.
    const meridiemKnown = /\d\s*[ap]\.?\s?m\b|\bnoon\b|\bmidnight\b|tonight|evening|night|morning|afternoon/i.test(written) || s.isCertain('meridiem') && s.get('hour')! > 12
    const casual = [...tags].some((t) => t.startsWith('casualReference/'))
    // English writes month names capitalised: "the march drew a crowd", "it may rain" are words.
    if (!this.lang && sure('month') && this.monthAsWord(written)) return
    const dayWord = sure('weekday') && !sure('day') || casual && /^\p{Lu}/u.test(written) && !/\d/.test(written)
    if (dayWord && namedDayWord(this.text, span.start, written)) return
    let value: EdtfDate | Edtf | null = null
    if (tags.has('result/relativeDate')) {
      value = this.relative(lower, res, span)
    } else if (casual && (sure('day') || /^(?:this|last|tonight)\b/.test(lower))) {
      // "this morning", "tonight", "last night": the day chrono puts them on.
      value = this.refDay ? date(s.get('year')!, s.get('month')!, s.get('day')!) : null
    } else if (sure('day') && sure('month')) {
      const y = sure('year') ? s.get('year')! : this.inferYear(s.get('month')!, s.get('day')!, span)
      value = y === null ? null : date(y, s.get('month')!, s.get('day')!)
      const e = res.end
      if (value && e?.isCertain('day')) {
        const ey = e.isCertain('year') ? e.get('year')! : y!
        const end = date(ey, e.get('month')!, e.get('day')!)
        if (formatEdtf(end) > formatEdtf(value)) value = { type: 'interval', start: value as EdtfDate, end }
      }
    } else if (sure('weekday')) {
      const after = this.text.slice(span.end, span.end + 30).toLowerCase()
      const modifier = /^(?:\s+and \w+day)?\s+of next week\b/.test(after) ? 'next' : this.modifier(span)
      value = this.weekdayDate(s.get('weekday')!, modifier, this.direction(span))
    } else if (sure('month')) {
      if (!this.lang && !/\d/.test(written) && namedMonth(this.text, span.start, span.end)) return
      const ofYear = /^\s+of\s+(last|next|this)\s+year\b/i.exec(this.text.slice(span.end, span.end + 20))
      let y: number | null
      if (sure('year')) y = s.get('year')!
      else if (ofYear && this.ref) {
        // "October of next year": the year is the modifier's, and the phrase is one date.
        y = this.ref.year + ({ last: -1, next: 1, this: 0 } as const)[ofYear[1]!.toLowerCase() as 'last' | 'next' | 'this']
        span.end += ofYear[0].length
      } else y = this.inferYear(s.get('month')!, null, span)
      value = y === null ? null : date(y, s.get('month')!, null)
    } else if (sure('year')) {
      value = date(s.get('year')!, null, null)
    } else if (sure('hour')) {
      this.addTime(span, s.get('hour')!, s.get('minute') ?? 0, sure('timezoneOffset') ? s.get('timezoneOffset') : null, meridiemKnown)
      return
    }
    if (!value) return
    if (value.type === 'date' && value.precision === 'day' && !value.approximate && sure('hour')) {
      const t = this.timeOf(span, s.get('hour')!, s.get('minute') ?? 0, sure('timezoneOffset') ? s.get('timezoneOffset') : null, meridiemKnown)
      if (t) value = { ...value, time: t.time }
      if (t?.consumed) this.claimed.push(t.consumed)
    }
    this.addDate(span.start, span.end, value)
  }

  /**
   * The time a result states, or null when it is a bare 12-hour reading ("at 3:30 tomorrow":
   * morning or afternoon?) with nothing else to settle it; a zone implies the 24-hour clock.
   */
  private timeOf(
    span: Span,
    hour: number,
    minute: number,
    tzOffset: number | null | undefined,
    meridiemKnown: boolean
  ): { time: EdtfTime; consumed: Span | null } | null {
    if (tzOffset !== null && tzOffset !== undefined) {
      return { time: { hour, minute, second: null, offsetMinutes: tzOffset, utc: tzOffset === 0 }, consumed: null }
    }
    // In "at 10:15 am (0545 GMT) on Tuesday" the zone follows the time, not the whole expression.
    const token = TIME_TOKEN.exec(this.text.slice(span.start, span.end))
    const timeEnd = token ? span.start + token.index + token[0].length : span.end
    const z = this.zoneAfter(hour, minute, timeEnd)
    const twelveHour = hour >= 1 && hour <= 12 && !meridiemKnown && !/^0\d|^\d{4}/.test(token?.[0] ?? '')
    if (twelveHour && z.offset === null && !/local time/.test(this.text.slice(timeEnd, timeEnd + 20))) return null
    return { time: { hour, minute, second: null, offsetMinutes: z.offset, utc: z.utc }, consumed: z.consumed }
  }

  private addTime(span: Span, hour: number, minute: number, tzOffset: number | null | undefined, meridiemKnown: boolean): void {
    if (this.times.some((t) => t.consumed && overlaps(t.consumed, span))) return
    const t = this.timeOf(span, hour, minute, tzOffset, meridiemKnown)
    if (!t) return
    this.times.push({ ...span, time: t.time, consumed: t.consumed })
    if (t.consumed) this.claimed.push(t.consumed)
  }

  /**
   * The day a weekday names: "last"/"next" the one before/after the reference's week day; in a
   * future clause ("is set to begin on Wednesday") the next one from the reference on; else the
   * most recent one on or before it, as news reports the past.
   */
  private weekdayDate(target: number, modifier: Modifier, direction: Direction): EdtfDate | null {
    if (!this.refDay) return null
    const refWd = weekday(this.refDay)
    let delta: number
    if (modifier === 'next') delta = ((target - refWd + 7) % 7) || 7
    else if (modifier === 'last') delta = -(((refWd - target + 7) % 7) || 7)
    else if (direction === 'future') delta = (target - refWd + 7) % 7
    else delta = -((refWd - target + 7) % 7)
    const d = shift(this.refDay, delta)
    return date(d.y, d.m, d.d)
  }

  /**
   * "last week" (the previous Monday–Sunday, approximate), "next month", "last year", "four
   * years ago" (a year), "two days ago" (a day): the unit the expression names, at chrono's date.
   * Counted spans ("the past 10 years", "the next two months") are durations, not dates.
   */
  private relative(lower: string, res: Chrono.ParsedResult, span: Span): Edtf | null {
    if (!this.refDay) return null
    const s = res.start
    const ago = /(?<!\p{L})(?:ago|назад|vor|il y a|hace|há)(?!\p{L})/iu.test(lower)
    // "the next year" follows a date already named: the relational rules resolve it.
    if (/^(?:next|following)\b/.test(lower) && /\bthe\s+$/i.test(this.text.slice(Math.max(0, span.start - 5), span.start))) return null
    const counted = /\d|\b(?:a|an|one|few|several|couple|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred)\b/i.test(lower)
    if (counted && !ago) return null
    // "several years ago", "some months ago": too vague to date.
    if (ago && /\b(?:few|several|some|many|couple)\b/i.test(lower)) return null
    // Without "ago", only a unit pointed at by a modifier is a date: "last week", not "in the weeks ahead" or "these past years".
    if (!ago && (this.modifier(span) === null || /\b(?:weeks|months|years)\b/i.test(lower))) return null
    // "the same period last year" is a month or a quarter a year back, not the whole year.
    if (/\bsame\s+(?:period|month|quarter|time|week|day)\s+$/i.test(this.text.slice(Math.max(0, span.start - 30), span.start))) return null
    const unit = this.unitOf(lower)
    const day = { y: s.get('year')!, m: s.get('month')!, d: s.get('day')! }
    if (unit === 'week' && !ago) return weekOf(day)
    if (unit === 'month' || (!unit && s.isCertain('month') && !s.isCertain('day'))) return date(day.y, day.m, null)
    if (unit === 'year') return date(day.y, null, null)
    if (ago && (s.isCertain('day') || unit === 'week')) return date(day.y, day.m, day.d, unit === 'week' || /\b(?:about|some|around)\b/.test(lower))
    return null
  }

  /** The unit a relative expression counts in, in any language the extractor reads. */
  private unitOf(lower: string): Unit | 'day' | null {
    if (/(?<!\p{L})(?:weeks?|недел\p{L}*|woche\p{L}*|semaines?|semanas?)(?!\p{L})/iu.test(lower)) return 'week'
    if (/(?<!\p{L})(?:months?|месяц\p{L}*|monat\p{L}*|mois|mes(?:es)?|mês|meses)(?!\p{L})/iu.test(lower)) return 'month'
    if (/(?<!\p{L})(?:years?|год\p{L}*|лет|jahr\p{L}*|ann[ée]e?s?|ans?|años?|anos?)(?!\p{L})/iu.test(lower)) return 'year'
    if (/(?<!\p{L})(?:days?|дн\p{L}*|день|tage?n?|jours?|días?|dias?)(?!\p{L})/iu.test(lower)) return 'day'
    return null
  }

  /**
   * Gives each free time the nearest timeless day-precision date in its sentence; a time with no
   * date in its sentence ("At 14:58 UTC the index was up") is on the day last named before it,
   * else on the dispatch day.
   */
  private attachTimes(sentences: readonly Span[]): void {
    const isDay = (v: Edtf): v is EdtfDate => v.type === 'date' && v.precision === 'day' && !v.approximate && !v.uncertain
    for (const t of this.times) {
      const sentence = sentenceAt(sentences, t.start)
      if (!sentence) continue
      const near = this.dates
        .filter((d) => d.start >= sentence.start && d.end <= sentence.end)
        .filter((d) => isDay(d.value) && !d.value.time)
        .sort((a, b) => Math.abs(a.start - t.start) - Math.abs(b.start - t.start))[0]
      if (!near) {
        if (this.dates.some((d) => d.start >= sentence.start && d.end <= sentence.end)) continue
        const earlier = this.dates.filter((d) => d.end <= t.start && isDay(d.value)).sort((a, b) => b.start - a.start)[0]
        const day = earlier ? (earlier.value as EdtfDate) : this.refDay ? date(this.refDay.y, this.refDay.m, this.refDay.d) : null
        if (day) this.addDate(t.start, t.end, { ...date(day.year, day.month, day.day), time: t.time })
        continue
      }
      near.value = { ...(near.value as EdtfDate), time: t.time }
      near.start = Math.min(near.start, t.start)
      near.end = Math.max(near.end, t.end)
    }
  }

  run(): DateCandidate[] {
    this.patterns()
    this.chronoResults()
    // "At 0800 UTC": after chrono, so a conversion "(0545 GMT)" it consumed stays consumed.
    for (const m of this.text.matchAll(MILITARY_TIME)) {
      const span = { start: m.index, end: m.index + m[0].length }
      if (this.free(span)) this.addTime(span, Number(m[1]), Number(m[2]), 0, true)
    }
    if (this.lang) languageForms(this, this.lang)
    else {
      englishYears(this)
      const related = relationalDates({
        text: this.text,
        sentences: this.sentences,
        refDay: this.refDay,
        refYear: this.ref?.year ?? null,
        dates: this.dates,
        free: (span) => this.free(span)
      })
      for (const d of related) this.addDate(d.start, d.end, d.value)
    }
    const sentences = this.sentences
    this.attachTimes(sentences)
    const bySentence = new Map<Span, Found[]>()
    for (const d of [...this.dates].sort((a, b) => a.start - b.start)) {
      const first = sentenceAt(sentences, d.start)
      if (!first) continue
      // "at 6:40 p.m. (GMT +8)": the segmenter may end a sentence inside a date; quote both parts.
      const last = d.end > first.end ? sentenceAt(sentences, d.end - 1) : first
      if (!last) continue
      const sentence = last === first ? first : { start: first.start, end: last.end }
      const list = bySentence.get(sentence) ?? []
      if (!list.some((x) => formatEdtf(x.value) === formatEdtf(d.value))) list.push(d)
      bySentence.set(sentence, list)
    }
    const out: DateCandidate[] = []
    const used = new Set<string>()
    for (const [sentence, found] of bySentence) {
      for (const d of found) {
        // A very long "sentence" is usually several run together by the source; quote the clause.
        const whole = found.length === 1 && sentence.end - sentence.start <= MAX_SENTENCE_QUOTE
        const spans = whole ? [sentence] : [clauseAround(this.text, sentence, d.start, d.end), d]
        const quote = spans.find((q) => !used.has(`${q.start}:${q.end}`))
        if (!quote) continue
        used.add(`${quote.start}:${quote.end}`)
        out.push({
          edtf: formatEdtf(d.value),
          expression: this.text.slice(d.start, d.end),
          at: { start: d.start, end: d.end },
          text: this.text.slice(sentence.start, sentence.end),
          anchor: anchorAt(this.text, quote.start, quote.end)
        })
      }
    }
    return out.sort((a, b) => a.anchor.start - b.anchor.start || a.edtf.localeCompare(b.edtf))
  }
}

/** Every date the text reports, resolved against the reference date, with its quoted passage. */
export function extractDateCandidates(text: string, options: ExtractOptions): DateCandidate[] {
  return new Extractor(text, options.reference, options.place ?? null, options.language ?? null).run()
}
