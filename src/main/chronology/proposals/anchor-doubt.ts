/**
 * Proposals read against a publication date inherit its doubt. Which candidates depend on the
 * date's year is found by reading the text again against the same day in another year: a
 * candidate whose date moves with the reference depends on it, one whose year is written does
 * not.
 */
import { formatEdtf, isYearUnknown, tryParseEdtf, type Edtf, type EdtfDate } from '../../../shared/edtf'
import { extractDateCandidates, type DateCandidate, type ReferenceDate } from './extract'

// 28 years apart, every date falls on the same weekday (within 1901–2099), so a weekday read
// against the shifted reference resolves to the same month and day: only the year differs.
const SAME_CALENDAR_YEARS = 28
// Stand-in years for a reference of unknown year: both leap years (29 February stays valid)
// whose calendars differ, so a candidate that needs the weekday of the reference shows it.
const STAND_IN_YEAR = 2000
const OTHER_STAND_IN_YEAR = 2004

/** The publication date as the extractor reads it, with the doubt it carries. */
export interface AnchorDate {
  reference: ReferenceDate | null
  /** `?` (or `%`) on the publication date: its year is a guess. */
  uncertain: boolean
  /** `XXXX-…`: its year is unknown. */
  yearUnknown: boolean
}

/** Reads a stored publication date (an EDTF string) as the anchor for proposals. */
export function anchorDate(published: string | null): AnchorDate {
  const parsed = published ? tryParseEdtf(published) : null
  const d = parsed?.type === 'date' ? parsed : parsed?.type === 'interval' && parsed.start.type === 'date' ? parsed.start : null
  if (d === null) return { reference: null, uncertain: false, yearUnknown: false }
  const yearUnknown = isYearUnknown(d)
  return {
    reference: { year: yearUnknown ? STAND_IN_YEAR : d.year, month: d.month, day: d.day },
    uncertain: d.uncertain,
    yearUnknown
  }
}

const key = (c: DateCandidate): string => `${c.anchor.start}:${c.anchor.end}:${c.expression}`

function mapDates(value: Edtf, f: (d: EdtfDate) => EdtfDate | null): Edtf | null {
  if (value.type === 'date') return f(value)
  const start = value.start.type === 'date' ? f(value.start) : value.start
  const end = value.end.type === 'date' ? f(value.end) : value.end
  return start && end ? { type: 'interval', start, end } : null
}

// A qualifier cannot sit on a timed date, so a doubtful day keeps its doubt and loses its time.
function doubtful(d: EdtfDate): EdtfDate {
  return { ...d, time: null, uncertain: true }
}

function yearless(d: EdtfDate): EdtfDate | null {
  if (d.month === null) return null
  return { ...d, year: 0, unspecified: { yearDigits: 4, month: false, day: false } }
}

function rewrite(c: DateCandidate, f: (d: EdtfDate) => EdtfDate | null): DateCandidate | null {
  const parsed = tryParseEdtf(c.edtf)
  const mapped = parsed ? mapDates(parsed, f) : null
  return mapped ? { ...c, edtf: formatEdtf(mapped) } : null
}

/**
 * The article's date candidates with the publication date's doubt carried over: against a
 * guessed year (`2024-03-17?`) every candidate whose date follows that year is marked `?`;
 * against an unknown year (`XXXX-03-17`) such candidates keep their month and day with the year
 * unknown, and those that need the weekday of the dispatch day ("on Saturday", "last week")
 * or only a year ("last year") are left out, since nothing can place them.
 */
export function candidatesAgainst(text: string, anchor: AnchorDate, place: string | null, language: string | null = null): DateCandidate[] {
  const { reference } = anchor
  const base = extractDateCandidates(text, { reference, place, language })
  if (reference === null || (!anchor.uncertain && !anchor.yearUnknown)) return base
  const read = (year: number): Map<string, string> =>
    new Map(extractDateCandidates(text, { reference: { ...reference, year }, place, language }).map((c) => [key(c), c.edtf]))
  const shifted = read(reference.year + SAME_CALENDAR_YEARS)
  const depends = (c: DateCandidate): boolean => shifted.get(key(c)) !== c.edtf
  if (!anchor.yearUnknown) return base.map((c) => (depends(c) ? (rewrite(c, doubtful) ?? c) : c))
  const other = read(OTHER_STAND_IN_YEAR)
  return base.flatMap((c) => {
    if (!depends(c)) return [c]
    // Other days against another calendar: the candidate needs the dispatch day's weekday.
    const elsewhere = other.get(key(c))
    if (elsewhere === undefined || !sameDaysIgnoringYears(elsewhere, c.edtf)) return []
    const out = rewrite(c, yearless)
    return out ? [out] : []
  })
}

// Same months and days (of every end of an interval), whatever the years; a bare year never matches.
function sameDaysIgnoringYears(a: string, b: string): boolean {
  return a.replace(/\d{4}(?=-\d{2})/g, 'Y') === b.replace(/\d{4}(?=-\d{2})/g, 'Y')
}
