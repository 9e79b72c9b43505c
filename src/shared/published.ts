/**
 * What a publication date claims, in words: whether its year is proven, guessed or unknown, and
 * where it came from. Pure; the app, the CLI and exports say the same thing.
 */
import { isYearUnknown, MONTH_NAMES, tryParseEdtf, type EdtfDate } from './edtf'
import type { DateProvenance, PublishedDate } from './types'

/** `proven`: nothing in doubt; `guessed`: the year carries `?`; `unknown-year`: `XXXX-…`. */
export type PublishedDoubt = 'proven' | 'guessed' | 'unknown-year'

const SOURCES: Record<DateProvenance, string> = {
  meta: "the page's metadata or the e-mail's Date: header",
  dateline: 'the dateline',
  text: 'a date printed in the article',
  weekday: 'a weekday written with the date',
  capture: "the saved page's capture time",
  file: "the file's modification time",
  import: 'the day of import',
  related: 'a near-duplicate article a few days apart whose year is proven',
  user: 'you'
}

function firstDate(edtf: string): EdtfDate | null {
  const v = tryParseEdtf(edtf)
  if (v === null) return null
  if (v.type === 'date') return v
  return v.start.type === 'date' ? v.start : v.end.type === 'date' ? v.end : null
}

/** How much of the date is in doubt. */
export function publishedDoubt(p: PublishedDate): PublishedDoubt {
  const d = firstDate(p.edtf)
  if (d === null) return 'proven'
  if (isYearUnknown(d)) return 'unknown-year'
  return d.uncertain ? 'guessed' : 'proven'
}

/** A sentence for a tooltip: where the date came from and what is not known. */
export function publishedNote(p: PublishedDate): string {
  switch (publishedDoubt(p)) {
    case 'unknown-year':
      return `Year unknown: nothing in the article proves it (day and month from ${SOURCES[p.provenance]}). Set the date to give one.`
    case 'guessed':
      return `Year guessed from ${SOURCES[p.provenance]}, not stated in the article. Confirm or correct it.`
    case 'proven':
      return p.provenance === 'user' ? `${p.precision} precision, set by you` : `${p.precision} precision, from ${SOURCES[p.provenance]}`
  }
}

/** The guessed date without its `?`, what "Confirm year" stores; null when nothing is guessed. */
export function confirmedEdtf(p: PublishedDate): string | null {
  return publishedDoubt(p) === 'guessed' ? p.edtf.replace(/\?$/, '').replace(/%$/, '~') : null
}

const SHORT = MONTH_NAMES.map((m) => m.slice(0, 3))

/**
 * "1 Sep 2021", "Sep 2021", "2021" for a day, month or year EDTF date; a guessed year as "1 Sep
 * 2021?", an unknown one as "17 Mar (year unknown)"; other qualifiers kept as written.
 */
export function shortDate(edtf: string): string {
  const m = /^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?/.exec(edtf)
  if (!m || (m[1] === 'XXXX' && !m[2])) return edtf
  const rest = edtf.slice(m[0].length)
  const qualifier = /^[?~%]/.test(rest) ? rest[0] : ''
  const [, y, mo, d] = m
  const month = mo ? SHORT[Number(mo) - 1] : undefined
  const year = y === 'XXXX' ? '(year unknown)' : y!
  const base = d && month ? `${Number(d)} ${month} ${year}` : month ? `${month} ${year}` : year
  if (qualifier === '?') return `${base}?`
  return qualifier ? `${base} ${qualifier}` : base
}

/** "1 Sep 2021" style, for an article's publication date; "undated" without one. */
export function publishedLabel(p: PublishedDate | null): string {
  return p ? shortDate(p.edtf) : 'undated'
}
