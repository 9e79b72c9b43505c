import { isCalendarDate } from '../../../shared/edtf'
import { MONTH_PATTERN, WEEKDAY_PATTERN, monthNumber } from './months'

/** What a dateline at the start of a paragraph says. */
export interface Dateline {
  /** Place as written, e.g. `MOSCOW`, `BEIRUT, Lebanon`. */
  place: string
  month: number | null
  day: number | null
  year: number | null
  /** News agency or outlet named in the dateline (`TASS`, `AP`, `Reuters`), else null. */
  outlet: string | null
  /** Number of characters of the paragraph the dateline occupies, trailing space included. */
  length: number
}

/** A leap year: the days some year has (29 February included). */
const LEAP_YEAR = 2000

/**
 * Whether a dateline's day exists: in its year when it gives one, else in some year. "May 45"
 * is a number after a month name, not a date, so the paragraph has no dateline.
 */
export function dayExists(month: number, day: number, year: number | null): boolean {
  return isCalendarDate(year ?? LEAP_YEAR, month, day)
}

const UPPER = 'A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ'
const LOWER = 'a-zß-öø-ÿā-žа-яёіїєґ'
const CAPS_WORD = `[${UPPER}][${UPPER}.'’\\-]*[${UPPER}.]`
const CAPS_PLACE = `${CAPS_WORD}(?:\\s+${CAPS_WORD}){0,3}`
const TITLE_WORD = `[${UPPER}][${LOWER}.'’\\-]+`
const TITLE_PLACE = `${TITLE_WORD}(?:\\s+${TITLE_WORD}){0,2}`
// A region after the city: "BEIRUT, Lebanon", "SAN JOSE, Calif.", "WASHINGTON, D.C.".
const REGION_WORD = `[${UPPER}][${UPPER}${LOWER}.'’\\-]*[${LOWER}.]`
const REGION = `,\\s*(?!(?:${MONTH_PATTERN})\\.?\\s+\\d|(?:${WEEKDAY_PATTERN})\\.?,?\\s)(${REGION_WORD}(?:\\s+${REGION_WORD}){0,2})`
// A weekday may precede the date ("PORTO, Saturday, March 17."); it is kept in the lead as evidence of the year.
const DATE = `,?\\s*(?:(?:${WEEKDAY_PATTERN})\\.?,?\\s+)?(?:(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})|(\\d{1,2})\\.?\\s+(${MONTH_PATTERN}))(?:,?\\s+(\\d{4}))?\\.?`
const OUTLET = `,?\\s*(?:\\(([^()]{1,60})\\)|\\/([^/\\n]{1,40})\\/)`
const TERMINATOR = `(\\s*(?:--|[-–—]|\\.|:)\\s+|\\s+(?=[${UPPER}"“«]))`

function build(place: string): RegExp {
  return new RegExp(`^(${place})(?:${REGION})?(?:${DATE})?(?:${OUTLET})?${TERMINATOR}`, 'u')
}

const CAPS_DATELINE = build(CAPS_PLACE)
const TITLE_DATELINE = build(TITLE_PLACE)
// RIA Novosti style, the agency after the dash: "МОСКВА, 1 сен — РИА Новости. …".
const AGENCY_AFTER = new RegExp(
  `^(${CAPS_PLACE})(?:${REGION})?${DATE}\\s*[-–—]\\s*([${UPPER}][${UPPER}${LOWER}]+(?:\\s+[${UPPER}][${UPPER}${LOWER}]+){0,2})\\.\\s+`,
  'u'
)

// "MOSCOW." keeps its full stop in the match; "WASHINGTON, D.C." keeps its abbreviation.
const tidyPlace = (place: string): string => place.replace(/(\p{Lu}{3,})\.$/u, '$1')

// Capitalised openers that are not places: column salutations, labels, kickers.
const NOT_PLACES = /^(?:DEAR|UPDATE|UPDATED|BREAKING|EXCLUSIVE|WATCH|VIDEO|PHOTOS?|LIVE|NOTE|EDITOR'?S NOTE|CORRECTION|ANALYSIS|OPINION|COMMENT|REVIEW|INTERVIEW|Q|A|FAQ|PS|P\.S|WARNING|ALERT)(?![\p{L}])/u

function agencyAfter(paragraph: string): Dateline | null {
  const m = AGENCY_AFTER.exec(paragraph.slice(0, 200))
  if (!m || m[0].length >= paragraph.length) return null
  const [whole, place, region, monthA, dayA, dayB, monthB, year, outlet] = m
  const month = monthNumber((monthA ?? monthB)!)
  const day = Number(dayA ?? dayB)
  const y = year === undefined ? null : Number(year)
  if (month === null || !dayExists(month, day, y)) return null
  return {
    place: tidyPlace(region === undefined ? place! : `${place}, ${region}`),
    month,
    day,
    year: y,
    outlet: outlet!,
    length: whole.length
  }
}

// Parenthesised agency names are short and name-like; "($1= 86.02 Afghan Afghani)" is debris.
const OUTLET_NAME = new RegExp(`^[${UPPER}${LOWER}][${UPPER}${LOWER}&.'’\\- ]{0,39}$`, 'u')

function outletName(raw: string | undefined): string | null {
  if (raw === undefined) return null
  const name = raw.trim()
  if (!OUTLET_NAME.test(name) || name.split(/\s+/).length > 4) return null
  return name
}

/**
 * Parses a dateline at the start of a paragraph: `MOSCOW, September 1. /TASS/.`,
 * `WASHINGTON (AP) —`, `LONDON, March 3 (Reuters) -`, `NEW YORK, Jan. 5, 2021 /PRNewswire/ --`,
 * `KABUL, (...) –`, `МОСКВА, 1 сен — РИА Новости.`, `MOSCOW. Sept 1 (Interfax) -`. Returns null
 * when the paragraph does not start with one.
 */
export function parseDateline(paragraph: string): Dateline | null {
  const agency = agencyAfter(paragraph)
  if (agency !== null) return agency
  const head = paragraph.slice(0, 200)
  for (const [re, needsOutlet] of [
    [CAPS_DATELINE, false],
    [TITLE_DATELINE, true]
  ] as const) {
    const m = re.exec(head)
    if (!m) continue
    const [whole, place, region, monthA, dayA, dayB, monthB, year, parens, slashes, terminator] = m
    const monthName = monthA ?? monthB
    const hasDate = monthName !== undefined
    const hasOutletMark = parens !== undefined || slashes !== undefined
    const dashed = /[-–—:]/.test(terminator ?? '')
    const outlet = outletName(parens ?? slashes)
    if (needsOutlet && outlet === null) continue
    if (NOT_PLACES.test(place!)) continue
    // A bare "WORD." or "WORD Capitalised" is an ordinary sentence, not a dateline.
    if (!hasDate && !hasOutletMark && !dashed) continue
    if (!hasDate && !hasOutletMark && place!.replace(/[^\p{L}]/gu, '').length < 3) continue
    if (whole.length >= paragraph.length) continue
    const y = year === undefined ? null : Number(year)
    const month = hasDate ? monthNumber(monthName) : null
    if (hasDate && (month === null || !dayExists(month, Number(dayA ?? dayB), y))) continue
    return {
      place: tidyPlace(region === undefined ? place! : `${place}, ${region}`),
      month,
      day: hasDate ? Number(dayA ?? dayB) : null,
      year: y,
      outlet,
      length: whole.length
    }
  }
  return null
}
