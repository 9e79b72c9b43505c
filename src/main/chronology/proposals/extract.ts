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
import * as chrono from 'chrono-node'
import { daysInMonth, formatEdtf, type Edtf, type EdtfDate, type EdtfTime } from '../../../shared/edtf'
import type { PassageAnchor } from '../../../shared/chronology'
import { anchorAt } from '../anchor'
import { findDateline } from './dateline'
import { date, shift, validDay, weekday, type Ymd } from './days'
import {
  BETWEEN_DM,
  BETWEEN_MD,
  CONVERSION,
  DAY_RANGE_DM,
  DAY_RANGE_MD,
  EXPLICIT_TIME,
  IN_YEAR,
  LIFESPAN,
  monthNumber,
  PART_OF_DAY,
  PART_OF_MONTH,
  TIME_TOKEN,
  ZONE_AFTER
} from './patterns'
import { clauseAround, sentenceAt, sentenceSpans, type Span } from './sentences'
import { zoneOffset } from './zones'

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


interface Found extends Span {
  value: Edtf
}

interface TimeFound extends Span {
  time: EdtfTime
  /** Span of a parenthetical conversion that the time consumed, if any. */
  consumed: Span | null
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}

/** Longest sentence quoted whole; longer ones are quoted by the clause around the date. */
const MAX_SENTENCE_QUOTE = 400

class Extractor {
  private readonly refDay: Ymd | null
  private readonly claimed: Span[] = []
  private readonly excluded: Span[] = []
  private readonly dates: Found[] = []
  private readonly times: TimeFound[] = []
  private readonly localOffset: number | null

  constructor(
    private readonly text: string,
    private readonly ref: ReferenceDate | null,
    place: string | null
  ) {
    this.refDay = ref && ref.month !== null && ref.day !== null ? { y: ref.year, m: ref.month, d: ref.day } : null
    const dateline = findDateline(text)
    if (dateline) this.excluded.push(dateline.span)
    for (const m of text.matchAll(LIFESPAN)) this.excluded.push({ start: m.index, end: m.index + m[0].length })
    this.localOffset = zoneOffset(dateline?.place) ?? zoneOffset(place)
  }

  private free(span: Span): boolean {
    return !this.excluded.some((x) => overlaps(x, span)) && !this.claimed.some((x) => overlaps(x, span))
  }

  /** Year for a month (and day) written without one, from the reference; null when unknown. */
  private inferYear(month: number): number | null {
    if (!this.ref) return null
    if (this.ref.month === null) return this.ref.year
    return month - this.ref.month > 6 ? this.ref.year - 1 : this.ref.year
  }

  private addDate(start: number, end: number, value: Edtf): void {
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
      const y = m[5] ? Number(m[5]) : this.inferYear(month)
      if (y !== null && this.free(span) && validDay(y, month, day)) this.addDate(span.start, span.end, date(y, month, day))
    }
    for (const m of this.text.matchAll(PART_OF_MONTH)) {
      const span = { start: m.index, end: m.index + m[0].length }
      const month = monthNumber(m[2]!)
      const y = m[3] ? Number(m[3]) : this.inferYear(month)
      if (y === null || !this.free(span)) continue
      const part = m[1]!.toLowerCase()
      const [from, to] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : [21, daysInMonth(y, month)]
      this.addDate(span.start, span.end, { type: 'interval', start: date(y, month, from, true), end: date(y, month, to, true) })
    }
    for (const m of this.text.matchAll(IN_YEAR)) {
      const span = { start: m.index, end: m.index + m[0].length }
      if (this.free(span)) this.addDate(span.start, span.end, date(Number(m[1]), null, null))
    }
  }

  private dayRange(m: RegExpExecArray | RegExpMatchArray, monthName: string, from: string, to: string, year: string | undefined): void {
    const span = { start: m.index!, end: m.index! + m[0].length }
    const month = monthNumber(monthName)
    const y = year ? Number(year) : this.inferYear(month)
    const a = Number(from)
    const b = Number(to)
    if (y === null || !this.free(span) || !validDay(y, month, a) || !validDay(y, month, b) || b <= a) return
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
    for (const res of chrono.en.casual.parse(this.text, { instant, timezone: 0 }, { forwardDate: false })) {
      // chrono glues a sentence-final number to the next sentence's "Today" ("the next 10. Today").
      const glued = /^\d{1,2}\.\s+/.exec(res.text)?.[0].length ?? 0
      const written = res.text.slice(glued).replace(/[\s,.;:]+$/, '')
      const span = { start: res.index + glued, end: res.index + glued + written.length }
      if (!this.free(span)) continue
      const tags = res.tags()
      if (tags.has('casualReference/now')) continue
      // "1 1/2 million" and "3/4" are fractions, not dates; news writes dates with a month name or a year.
      if (/\b\d{1,2}\/\d{1,2}\b(?!\/\d)/.test(written)) continue
      // chrono sometimes joins a date to a time-of-day word a clause or more away.
      if (written.length > 80) continue
      const s = res.start
      const timeWritten = EXPLICIT_TIME.test(written)
      // chrono reads "the next 10. Today" as 10:00 today; only a written clock time is a time.
      const sure = (c: Parameters<typeof s.isCertain>[0]): boolean => s.isCertain(c) && (c !== 'hour' || timeWritten)
      const lower = written.toLowerCase()
      // "tonight at 8 o'clock" settles the half of the day as well as am/pm does.
      const meridiemKnown = /\d\s*[ap]\.?\s?m\b|\bnoon\b|\bmidnight\b|tonight|evening|night|morning|afternoon/i.test(written) || s.isCertain('meridiem') && s.get('hour')! > 12
      let value: EdtfDate | Edtf | null = null
      if (tags.has('result/relativeDate')) {
        value = this.relative(lower, res)
      } else if ([...tags].some((t) => t.startsWith('casualReference/')) && sure('day')) {
        value = this.refDay ? date(s.get('year')!, s.get('month')!, s.get('day')!) : null
      } else if (sure('day') && sure('month')) {
        const y = sure('year') ? s.get('year')! : this.inferYear(s.get('month')!)
        value = y === null ? null : date(y, s.get('month')!, s.get('day')!)
        const e = res.end
        if (value && e?.isCertain('day')) {
          const ey = e.isCertain('year') ? e.get('year')! : y!
          const end = date(ey, e.get('month')!, e.get('day')!)
          if (formatEdtf(end) > formatEdtf(value)) value = { type: 'interval', start: value as EdtfDate, end }
        }
      } else if (sure('weekday')) {
        const after = this.text.slice(span.end, span.end + 30).toLowerCase()
        value = this.weekdayDate(s.get('weekday')!, /^(?:\s+and \w+day)?\s+of next week\b/.test(after) ? `next ${lower}` : lower)
      } else if (sure('month')) {
        const y = sure('year') ? s.get('year')! : this.inferYear(s.get('month')!)
        value = y === null ? null : date(y, s.get('month')!, null)
      } else if (sure('year')) {
        value = date(s.get('year')!, null, null)
      } else if (sure('hour')) {
        this.addTime(span, s.get('hour')!, s.get('minute') ?? 0, sure('timezoneOffset') ? s.get('timezoneOffset') : null, meridiemKnown)
        continue
      }
      if (!value) continue
      if (value.type === 'date' && value.precision === 'day' && !value.approximate && sure('hour')) {
        const t = this.timeOf(span, s.get('hour')!, s.get('minute') ?? 0, sure('timezoneOffset') ? s.get('timezoneOffset') : null, meridiemKnown)
        if (t) value = { ...value, time: t.time }
        if (t?.consumed) this.claimed.push(t.consumed)
      }
      this.addDate(span.start, span.end, value)
    }
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

  private weekdayDate(target: number, lower: string): EdtfDate | null {
    if (!this.refDay) return null
    const refWd = weekday(this.refDay)
    let delta: number
    if (/\bnext\b/.test(lower)) delta = ((target - refWd + 7) % 7) || 7
    else if (/\blast\b/.test(lower)) delta = -(((refWd - target + 7) % 7) || 7)
    else delta = -((refWd - target + 7) % 7)
    const d = shift(this.refDay, delta)
    return date(d.y, d.m, d.d)
  }

  private relative(lower: string, res: chrono.ParsedResult): Edtf | null {
    if (!this.refDay) return null
    const s = res.start
    if (/\b(last|previous|past) week\b/.test(lower)) {
      const monday = shift(this.refDay, -((weekday(this.refDay) + 6) % 7) - 7)
      const sunday = shift(monday, 6)
      return { type: 'interval', start: date(monday.y, monday.m, monday.d, true), end: date(sunday.y, sunday.m, sunday.d, true) }
    }
    if (/\blast month\b/.test(lower) && s.isCertain('month')) return date(s.get('year')!, s.get('month')!, null)
    if (/\blast year\b/.test(lower)) return date(this.refDay.y - 1, null, null)
    if (/\bago\b/.test(lower) && s.isCertain('day')) {
      return date(s.get('year')!, s.get('month')!, s.get('day')!, /\b(weeks?|about|some|around)\b/.test(lower))
    }
    return null
  }

  /** Gives each free time the nearest timeless day-precision date in its sentence. */
  private attachTimes(sentences: readonly Span[]): void {
    for (const t of this.times) {
      const sentence = sentenceAt(sentences, t.start)
      if (!sentence) continue
      const near = this.dates
        .filter((d) => d.start >= sentence.start && d.end <= sentence.end)
        .filter((d) => d.value.type === 'date' && d.value.precision === 'day' && !d.value.time && !d.value.approximate && !d.value.uncertain)
        .sort((a, b) => Math.abs(a.start - t.start) - Math.abs(b.start - t.start))[0]
      if (!near) continue
      near.value = { ...(near.value as EdtfDate), time: t.time }
      near.start = Math.min(near.start, t.start)
      near.end = Math.max(near.end, t.end)
    }
  }

  run(): DateCandidate[] {
    this.patterns()
    this.chronoResults()
    const sentences = sentenceSpans(this.text)
    this.attachTimes(sentences)
    const bySentence = new Map<Span, Found[]>()
    for (const d of [...this.dates].sort((a, b) => a.start - b.start)) {
      const sentence = sentenceAt(sentences, d.start)
      if (!sentence || d.end > sentence.end) continue
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
  return new Extractor(text, options.reference, options.place ?? null).run()
}
