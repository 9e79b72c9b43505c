import type { Db } from '../archive/db'
import { entityCountsIn } from '../archive/repo/entities'
import type { Facets } from '../../shared/search'
import { FACET_LIMIT } from './facets'

/**
 * Matches the entity facets count over. Counting reads every mention of every article counted
 * (tens per article), so a common word's matches are sampled: the first ones in index order.
 */
export const ENTITY_FACET_ARTICLES = 2000

/** The people, organisations and places mentioned most in the matching articles. */
export function entityFacets(db: Db, ids: readonly number[]): Pick<Facets, 'person' | 'org' | 'mentionedPlace'> {
  const sample = ids.length > ENTITY_FACET_ARTICLES ? ids.slice(0, ENTITY_FACET_ARTICLES) : ids
  const out: Pick<Facets, 'person' | 'org' | 'mentionedPlace'> = { person: [], org: [], mentionedPlace: [] }
  if (sample.length === 0) return out
  // One pass over the sample's mentions for all three kinds.
  for (const { kind, value, count } of entityCountsIn(db, sample)) {
    const list = out[kind === 'place' ? 'mentionedPlace' : kind]
    if (list.length < FACET_LIMIT) list.push({ value, count })
  }
  return out
}
