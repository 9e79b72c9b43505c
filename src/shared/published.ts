/**
 * What a publication date claims, in words: whether its year is proven, guessed or unknown, and
 * where it came from. Pure; the app, the CLI and exports say the same thing.
 */
import { isYearUnknown, tryParseEdtf, type EdtfDate } from './edtf'
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
