/** Display formatting shared by the views. Pure. */
import type { RefusedDelete } from '../../../shared/chronology'
import { MONTH_NAMES } from '../../../shared/edtf'
import { PART_SEPARATOR } from '../../../shared/formats'
import { publishedNote } from '../../../shared/published'
import type { PublishedDate } from '../../../shared/types'

/** Tooltip for a publication date: where it came from and what is in doubt. */
export function publishedTitle(p: PublishedDate | null): string {
  return p ? publishedNote(p) : 'no publication date found'
}

/** Human month heading for a `YYYY-MM` key: "August 2021"; the unknown-year bucket `XXXX`: "Year unknown". */
export function monthHeading(key: string): string {
  if (key === 'XXXX') return 'Year unknown'
  const [y, m] = key.split('-')
  const name = m ? MONTH_NAMES[Number(m) - 1] : undefined
  return name ? `${name} ${y}` : key
}

/** "Portuguese (pt)" for a language tag; the tag alone when the runtime cannot name it. */
export function languageName(tag: string | null): string {
  if (!tag) return 'language unknown'
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag)
    return name && name !== tag ? `${name} (${tag})` : tag
  } catch {
    return tag
  }
}

/** "12,345" with the user's locale grouping. */
export function count(n: number): string {
  return n.toLocaleString()
}

/** "3.1 MB" */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`
  const units = ['KB', 'MB', 'GB']
  let v = n / 1024
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`
}

/** A file name from a path in either separator style. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

/** A report entry's name: the file's name, and for an article of a container where it sits in it. */
export function reportName(path: string): string {
  const at = path.indexOf(PART_SEPARATOR)
  return at < 0 ? baseName(path) : baseName(path.slice(0, at)) + path.slice(at)
}

/** How many refused deletions are spelled out; the rest are counted, so the message stays one readable line. */
const SHOWN_REFUSALS = 3

/** One message for the articles a delete left in place, each named by title with its reason. */
export function refusalMessage(refused: readonly RefusedDelete[]): string {
  const shown = refused.slice(0, SHOWN_REFUSALS).map((r) => r.reason)
  const more = refused.length - shown.length
  return `Not deleted: ${shown.join('; ')}${more > 0 ? `; and ${more} more article${more === 1 ? '' : 's'}` : ''}.`
}
