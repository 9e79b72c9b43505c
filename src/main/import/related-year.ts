/**
 * A dispatch whose year nothing in it proves may share copy with one whose year is proven: the
 * same story a few days apart. Its year then comes from that article, still marked as a guess.
 */
import type { Db } from '../archive/db'
import { publishedDays, tryParseEdtf, type EdtfDate } from '../../shared/edtf'
import type { DateProvenance } from '../../shared/types'

/** Provenances whose year is only a guess or unknown, which a related article may improve. */
const UNPROVEN: readonly DateProvenance[] = ['file', 'import', 'dateline']
/** Provenances that prove a year (a `?` on the date still disqualifies it). */
const PROVEN: readonly DateProvenance[] = ['meta', 'dateline', 'text', 'weekday', 'user']
/** Shared copy this far apart is the same story. */
const MAX_DAYS_APART = 7
const DAY_MS = 86_400_000

function dayDate(edtf: string): EdtfDate | null {
  const v = tryParseEdtf(edtf)
  return v?.type === 'date' && v.day !== null && v.month !== null && !v.time ? v : null
}

/**
 * Gives the just-stored article `id` the year of a near-duplicate whose year is proven, when its
 * own date is a guess (`2024-03-17?`) or has no year (`XXXX-03-17`) and its day and month lie
 * within a week of that article's date in some year. Stored as `YYYY-MM-DD?`, provenance
 * `related`. Linked articles that disagree on the year leave the date as it was. Call inside the
 * import transaction, after the near-duplicate links are stored.
 */
export function yearFromRelated(db: Db, id: number, related: readonly number[]): void {
  if (related.length === 0) return
  const row = db
    .prepare<[number], { edtf: string | null; provenance: DateProvenance | null }>(
      'SELECT published_edtf AS edtf, published_provenance AS provenance FROM articles WHERE id = ?'
    )
    .get(id)
  if (!row?.edtf || !row.provenance || !UNPROVEN.includes(row.provenance)) return
  const own = dayDate(row.edtf)
  if (own === null || (!own.uncertain && own.unspecified?.yearDigits !== 4)) return
  const other = db.prepare<[number], { edtf: string | null; provenance: DateProvenance | null }>(
    'SELECT published_edtf AS edtf, published_provenance AS provenance FROM articles WHERE id = ?'
  )
  const years = new Set<number>()
  for (const otherId of related) {
    const r = other.get(otherId)
    const d = r?.edtf && r.provenance && PROVEN.includes(r.provenance) ? dayDate(r.edtf) : null
    if (d === null || d.uncertain || d.approximate || d.unspecified) continue
    const anchor = Date.UTC(d.year, d.month! - 1, d.day!)
    for (const y of [d.year - 1, d.year, d.year + 1]) {
      const t = Date.UTC(y, own.month! - 1, own.day!)
      // Date.UTC rolls 29 February over into March in a common year: not a date of that year.
      if (new Date(t).getUTCDate() !== own.day) continue
      if (Math.abs(t - anchor) <= MAX_DAYS_APART * DAY_MS) years.add(y)
    }
  }
  if (years.size !== 1) return
  const [year] = years
  const edtf = `${String(year).padStart(4, '0')}-${String(own.month).padStart(2, '0')}-${String(own.day).padStart(2, '0')}?`
  const days = publishedDays(tryParseEdtf(edtf)!)!
  db.prepare(
    `UPDATE article_store SET published_edtf = ?, published_precision = 'day', published_provenance = 'related',
       published_earliest = ?, published_latest = ? WHERE id = ?`
  ).run(edtf, days.earliest, days.latest, id)
}
