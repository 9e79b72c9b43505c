import type { FacetCount, Facets } from '../../shared/search'
import type { ArticleMeta } from './meta'

/** Most values a facet lists (months list every month present, up to this many). */
export const FACET_LIMIT = 20
const MONTH_LIMIT = 600

function top(counts: Int32Array, label: (i: number) => string, limit: number): FacetCount[] {
  const out: FacetCount[] = []
  for (let i = 1; i < counts.length; i++) if (counts[i]! > 0) out.push({ value: label(i), count: counts[i]! })
  return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, limit)
}

/** The month-facet bucket of articles whose publication year is unknown (EDTF's unspecified year). */
export const YEAR_UNKNOWN_BUCKET = 'XXXX'

/**
 * Counts of outlet, month, place and language over the matching articles. Articles of unknown
 * year are in no month or year; they get their own bucket, last.
 */
export function facetCounts(meta: ArticleMeta, ids: readonly number[]): Pick<Facets, 'outlet' | 'month' | 'place' | 'language'> {
  let maxSource = 0
  for (const id of meta.sourceNames.keys()) maxSource = Math.max(maxSource, id)
  const sources = new Int32Array(maxSource + 1)
  const months = new Int32Array(meta.months.values.length)
  const places = new Int32Array(meta.places.values.length)
  const languages = new Int32Array(meta.languages.values.length)
  // One pass over the matches for all four facets: a common word matches most of the archive.
  const { source, month: monthOf, place, language, yearUnknown } = meta
  let unknownYears = 0
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!
    unknownYears += yearUnknown[id]!
    sources[source[id]!]!++
    months[monthOf[id]!]!++
    places[place[id]!]!++
    languages[language[id]!]!++
  }
  const month: FacetCount[] = []
  for (let i = 1; i < months.length; i++) if (months[i]! > 0) month.push({ value: meta.months.values[i]!, count: months[i]! })
  month.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
  const listed = month.slice(0, MONTH_LIMIT)
  if (unknownYears > 0) listed.push({ value: YEAR_UNKNOWN_BUCKET, count: unknownYears })
  return {
    outlet: top(sources, (i) => meta.sourceNames.get(i) ?? `#${i}`, FACET_LIMIT),
    month: listed,
    place: top(places, (i) => meta.places.values[i]!, FACET_LIMIT),
    language: top(languages, (i) => meta.languages.values[i]!, FACET_LIMIT)
  }
}
