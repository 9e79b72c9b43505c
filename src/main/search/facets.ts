import type { FacetCount, Facets } from '../../shared/search'
import type { ArticleMeta } from './meta'

/** Most values a facet lists (months list every month present, up to this many). */
export const FACET_LIMIT = 20
const MONTH_LIMIT = 600

function count(values: Int32Array, ids: readonly number[], size: number): Int32Array {
  const counts = new Int32Array(size)
  for (const id of ids) counts[values[id]!]!++
  return counts
}

function top(counts: Int32Array, label: (i: number) => string, limit: number): FacetCount[] {
  const out: FacetCount[] = []
  for (let i = 1; i < counts.length; i++) if (counts[i]! > 0) out.push({ value: label(i), count: counts[i]! })
  return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, limit)
}

/** Counts of outlet, month, place and language over the matching articles. */
export function facetCounts(meta: ArticleMeta, ids: readonly number[]): Facets {
  const sources = new Map<number, number>()
  for (const id of ids) {
    const s = meta.source[id]!
    if (s) sources.set(s, (sources.get(s) ?? 0) + 1)
  }
  const outlet = [...sources]
    .map(([id, n]) => ({ value: meta.sourceNames.get(id) ?? `#${id}`, count: n }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, FACET_LIMIT)
  const months = count(meta.month, ids, meta.months.values.length)
  const month: FacetCount[] = []
  for (let i = 1; i < months.length; i++) if (months[i]! > 0) month.push({ value: meta.months.values[i]!, count: months[i]! })
  month.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
  return {
    outlet,
    month: month.slice(0, MONTH_LIMIT),
    place: top(count(meta.place, ids, meta.places.values.length), (i) => meta.places.values[i]!, FACET_LIMIT),
    language: top(count(meta.language, ids, meta.languages.values.length), (i) => meta.languages.values[i]!, FACET_LIMIT)
  }
}
