import type { Candidate, Context } from './context'
import { recallKey } from './context'
import { TOWN_ALONE } from './propagate'

/**
 * A small town the gazetteer found by name alone is kept on the map only when it lies in a country
 * the same text names elsewhere. A report from Afghanistan's Baghlan province spelled "Baglan" is
 * not about the Welsh village of that name, and a dot in the wrong country is worse than none: the
 * mention stays a place, keyed by its spelling, without the town's coordinates. A text naming no
 * other country keeps its town, since nothing in it argues against the gazetteer.
 */
export function coherentPlaces(ctx: Context, cands: Candidate[]): Candidate[] {
  const countriesBy = new Map<string, Set<string>>()
  for (const c of cands) {
    const country = c.kind === 'place' ? c.place?.place?.country : null
    if (!country) continue
    const key = recallKey(ctx, c.first, c.last)
    const set = countriesBy.get(key) ?? new Set<string>()
    set.add(country)
    countriesBy.set(key, set)
  }
  const elsewhere = (key: string): Set<string> => {
    const out = new Set<string>()
    for (const [k, set] of countriesBy) if (k !== key) for (const x of set) out.add(x)
    return out
  }
  return cands.map((c) => {
    const p = c.place
    if (c.kind !== 'place' || !p || p.type !== 'city' || p.population >= TOWN_ALONE || !p.place?.country) return c
    const others = elsewhere(recallKey(ctx, c.first, c.last))
    return others.size === 0 || others.has(p.place.country) ? c : { ...c, place: null }
  })
}
