import { keepPreviousData } from '@tanstack/react-query'
import type { Chronology, ChronologyEvent, ClaimStatus, EventQuery, UndoResult } from '../../../../shared/chronology'
import { lastDayOf } from '../../../../shared/edtf'
import { useApiQuery } from '../../data/hooks'
import { errorMessage } from '../../data/errors'
import { INLINE } from '../../data/meta'
import { usePersistentState } from '../../lib/persist'

export interface EventFilters {
  status: ClaimStatus | ''
  tag: string
  person: string
  organisation: string
  place: string
  /** Events about one entity (any spelling, as an actor or in a cited passage): its id, '' for any. */
  entityId: string
  /** That entity's name, to show what is filtered. */
  entityName: string
  from: string
  to: string
}

export const NO_FILTERS: EventFilters = { status: '', tag: '', person: '', organisation: '', place: '', entityId: '', entityName: '', from: '', to: '' }

export interface ChronologyData {
  chronologies: Chronology[]
  /** The chronology shown, or null for every event in the archive. */
  chronologyId: number | null
  setChronologyId(id: number | null): void
  filters: EventFilters
  setFilters(f: EventFilters): void
  events: ChronologyEvent[]
  /** Every event (unfiltered), for "add to event" and merge targets. */
  allEvents: ChronologyEvent[]
  undo: UndoResult
  /** Why the chronology could not be read, if it could not. */
  error: string | null
  retry(): void
}

function dayOf(edtfOrDay: string): string | undefined {
  const t = edtfOrDay.trim()
  if (!t) return undefined
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : /^\d{4}-\d{2}$/.test(t) ? `${t}-01` : /^\d{4}$/.test(t) ? `${t}-01-01` : t
}

/** The event query for the chosen chronology and filters. */
export function eventQuery(chronologyId: number | null, filters: EventFilters): EventQuery {
  const to = filters.to.trim()
  const from = dayOf(filters.from)
  return {
    ...(chronologyId === null ? {} : { chronologyId }),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.tag.trim() ? { tag: filters.tag.trim() } : {}),
    ...(filters.person.trim() ? { person: filters.person.trim() } : {}),
    ...(filters.organisation.trim() ? { organisation: filters.organisation.trim() } : {}),
    ...(filters.place.trim() ? { place: filters.place.trim() } : {}),
    ...(/^\d+$/.test(filters.entityId) ? { entityId: Number(filters.entityId) } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to: lastDayOf(to) } : {})
  }
}

const NOTHING_TO_UNDO: UndoResult = { label: null, canUndo: false, canRedo: false }
const NONE: never[] = []

/** Chronologies, the filtered event list and the undo state, as cached queries. */
export function useChronology(): ChronologyData {
  const [stored, setChronologyId] = usePersistentState<number | null>('chronology.id', null)
  const [storedFilters, setFilters] = usePersistentState<EventFilters>('chronology.filters', NO_FILTERS)
  // Filters remembered by an older version lack the newer fields.
  const filters = { ...NO_FILTERS, ...storedFilters }
  const chronologies = useApiQuery('listChronologies', {}, { meta: INLINE })
  // A chronology deleted (here, elsewhere, or with another archive) falls back to every event.
  const chronologyId = stored !== null && chronologies.data && !chronologies.data.some((c) => c.id === stored) ? null : stored
  const base: EventQuery = chronologyId === null ? {} : { chronologyId }
  const query = eventQuery(chronologyId, filters)
  const filtered = Object.keys(query).length > Object.keys(base).length
  // Changing filters keeps the last list on screen until the new one arrives.
  const events = useApiQuery('listEvents', query, { placeholderData: keepPreviousData, meta: INLINE })
  // Without filters the shown list is the whole list: one call, not two.
  const all = useApiQuery('listEvents', filtered ? base : null, { placeholderData: keepPreviousData, meta: INLINE })
  const undo = useApiQuery('undoState', {}, { meta: INLINE })
  const failed = [chronologies, events, all, undo].find((q) => q.error)

  return {
    chronologies: chronologies.data ?? NONE,
    chronologyId,
    setChronologyId,
    filters,
    setFilters,
    events: events.data ?? NONE,
    allEvents: (filtered ? all.data : events.data) ?? NONE,
    undo: undo.data ?? NOTHING_TO_UNDO,
    error: failed ? errorMessage(failed.error) : null,
    retry: () => {
      for (const q of [chronologies, events, all, undo]) if (q.error) void q.refetch()
    }
  }
}
