/**
 * Which cached answers a backend change makes stale. The change events say which events and
 * articles changed; only the calls that can show them are asked again, so editing an event
 * refetches that event and the event lists, never every article.
 */
import type { QueryClient, Query } from '@tanstack/react-query'
import type { AnnalistClient, ApiMethod } from '../../../shared/api'
import type { ChronologyChange } from '../../../shared/chronology'
import type { ImportProgress } from '../../../shared/types'
import { splitKey } from './keys'

/** Answers that change with any edit: counts, undo labels, the export preview. */
const ANY_CHANGE: readonly ApiMethod[] = ['getArchiveInfo', 'listChronologies', 'undoState', 'exportChronology']

/** Answers that list or describe events (names used on events included). */
const EVENT_LISTS: readonly ApiMethod[] = ['listEvents', 'entityNames', 'eventTagNames', 'listProposals']

/** Answers that list articles, whose rows carry tags, dates and event counts. */
const ARTICLE_LISTS: readonly ApiMethod[] = ['listArticles', 'search', 'suggest', 'listArticleTags']

/** Answers about named entities as a whole: lists and pages (with their events and articles), the graph, the map. */
const ENTITY_ANSWERS: readonly ApiMethod[] = ['listEntities', 'getEntity', 'entityGraph', 'mapPlaces']

/** Entity answers that list events: their pages and the map. */
const ENTITY_EVENTS: readonly ApiMethod[] = ['getEntity', 'mapPlaces']

/** Answers made from extracted entities: an import or an extraction can change every one (events filtered by entity included). */
const EXTRACTED: readonly ApiMethod[] = [...ENTITY_ANSWERS, 'articleMentions', 'passageEntities', 'listEvents']

/** Answers about one article, and the argument that names it. */
const PER_ARTICLE: Partial<Record<ApiMethod, string>> = {
  getArticle: 'id',
  getOriginal: 'id',
  listArticleCitations: 'articleId',
  highlightArticle: 'articleId',
  listProposals: 'articleId',
  articleMentions: 'articleId',
  passageEntities: 'articleId'
}

const methodIn =
  (methods: readonly ApiMethod[]) =>
  (query: Query): boolean =>
    methods.includes(splitKey(query.queryKey)?.method as ApiMethod)

const aboutOneOf =
  (ids: readonly number[]) =>
  (query: Query): boolean => {
    const key = splitKey(query.queryKey)
    const field = key && PER_ARTICLE[key.method as ApiMethod]
    return field !== undefined && ids.includes(key!.args[field] as number)
  }

const eventOneOf =
  (ids: readonly number[]) =>
  (query: Query): boolean => {
    const key = splitKey(query.queryKey)
    return key?.method === 'getEvent' && ids.includes(key.args.id as number)
  }

/**
 * Marks the matching answers stale; those on screen are asked again at once. A first answer still
 * on its way would be joined rather than asked again (react-query does not refetch a query that
 * has no data yet), and it may predate the change: it is dropped first.
 */
async function refresh(qc: QueryClient, predicate: (q: Query) => boolean): Promise<void> {
  await qc.cancelQueries({ predicate: (q) => predicate(q) && q.state.data === undefined && q.state.fetchStatus === 'fetching' })
  await qc.invalidateQueries({ predicate })
}

const everything = (): boolean => true

/** Everything an article's arrival, change or removal can show in: lists, search, counts. */
export function invalidateArticleLists(qc: QueryClient): Promise<void> {
  return refresh(qc, (q) => methodIn(ARTICLE_LISTS)(q) || methodIn(['getArchiveInfo'])(q) || methodIn(EXTRACTED)(q))
}

/** After an entity extraction ends: what its entities show in (search counts its facets and filters on them), and the count of stale articles. */
export function invalidateEntityAnswers(qc: QueryClient): Promise<void> {
  return refresh(qc, (q) => methodIn(EXTRACTED)(q) || methodIn(['search', 'getArchiveInfo'])(q))
}

/** After `chronologyChanged`: what the named events and articles appear in. */
export function invalidateForChange(qc: QueryClient, change: ChronologyChange): Promise<void> {
  const { eventIds, articleIds } = change
  // Undo and redo (and chronology renames) do not say what they touched: anything may have.
  if (eventIds.length === 0 && articleIds.length === 0) return refresh(qc, everything)
  const stale: ((q: Query) => boolean)[] = [methodIn(ANY_CHANGE)]
  // Entity pages and the map list the events their entities take part in.
  if (eventIds.length > 0) stale.push(methodIn(EVENT_LISTS), eventOneOf(eventIds), methodIn(ENTITY_EVENTS))
  if (articleIds.length > 0) {
    // Events carry their citations' article titles and dates, so article edits show there too.
    stale.push(methodIn(ARTICLE_LISTS), methodIn(['listEvents']), aboutOneOf(articleIds), methodIn(ENTITY_ANSWERS))
  }
  return refresh(qc, (q) => stale.some((s) => s(q)))
}

/** An import is complete once every file it counted is done. */
export function importFinished(p: ImportProgress): boolean {
  return p.total > 0 && p.done >= p.total
}

/** Keeps the cache in step with the backend's change events; returns the unsubscribe. */
export function followBackend(client: AnnalistClient, qc: QueryClient): () => void {
  const offs = [
    client.onChronologyChanged((c) => void invalidateForChange(qc, c)),
    // Another archive: nothing cached describes it.
    client.onArchiveChanged(() => void refresh(qc, everything)),
    client.onImportProgress((p) => {
      if (importFinished(p)) void invalidateArticleLists(qc)
    }),
    // Batches commit as they go, but lists are refreshed once, when the job stops (done, cancelled or failed).
    client.onEntitiesProgress((p) => {
      if (p.state !== 'running') void invalidateEntityAnswers(qc)
    })
  ]
  return () => {
    for (const off of offs) off()
  }
}
