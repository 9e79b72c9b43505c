import { useQueries } from '@tanstack/react-query'
import type { Citation } from '../../../../shared/chronology'
import type { EntitySummary } from '../../../../shared/entities'
import { useApi } from '../../data/context'
import { callApi } from '../../data/hooks'
import { apiKey } from '../../data/keys'
import { INLINE } from '../../data/meta'

const NONE: EntitySummary[] = []

/**
 * The entities named in every passage the event cites (orphaned citations have no passage), one
 * cached `passageEntities` call each. Suggestions only: a failed call shows nothing.
 */
export function useCitedEntities(citations: readonly Citation[]): EntitySummary[] {
  const client = useApi()
  const asks = citations.filter((c) => !c.orphaned).map((c) => ({ articleId: c.articleId, start: c.anchor.start, end: c.anchor.end }))
  return useQueries({
    queries: asks.map((args) => ({ queryKey: apiKey('passageEntities', args), queryFn: () => callApi(client, 'passageEntities', args), meta: INLINE })),
    combine: (results) => (results.some((r) => r.data) ? results.flatMap((r) => r.data ?? NONE) : NONE)
  })
}
