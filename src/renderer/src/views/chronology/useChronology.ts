import { useCallback, useEffect, useState } from 'react'
import type { Chronology, ChronologyEvent, ClaimStatus, UndoResult } from '../../../../shared/chronology'
import { api } from '../../api/client'
import { usePersistentState } from '../../lib/persist'

export interface EventFilters {
  status: ClaimStatus | ''
  tag: string
  person: string
  place: string
  from: string
  to: string
}

export const NO_FILTERS: EventFilters = { status: '', tag: '', person: '', place: '', from: '', to: '' }

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
  error: string | null
  setError(message: string | null): void
  /** Incremented on every change the backend reports. */
  revision: number
  reload(): void
}

function dayOf(edtfOrDay: string): string | undefined {
  const t = edtfOrDay.trim()
  if (!t) return undefined
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : /^\d{4}-\d{2}$/.test(t) ? `${t}-01` : /^\d{4}$/.test(t) ? `${t}-01-01` : t
}

/** A month or year typed as the end of a range means its last day. */
function lastDayOf(t: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(t)
  if (m) return `${t}-${String(new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate()).padStart(2, '0')}`
  return /^\d{4}$/.test(t) ? `${t}-12-31` : t
}

/** Chronologies, the filtered event list and the undo state, refreshed on every `chronologyChanged`. */
export function useChronology(): ChronologyData {
  const [chronologies, setChronologies] = useState<Chronology[]>([])
  const [chronologyId, setChronologyId] = usePersistentState<number | null>('chronology.id', null)
  const [filters, setFilters] = usePersistentState<EventFilters>('chronology.filters', NO_FILTERS)
  const [events, setEvents] = useState<ChronologyEvent[]>([])
  const [allEvents, setAllEvents] = useState<ChronologyEvent[]>([])
  const [undo, setUndo] = useState<UndoResult>({ label: null, canUndo: false, canRedo: false })
  const [error, setError] = useState<string | null>(null)
  const [revision, setRevision] = useState(0)

  useEffect(() => api.onChronologyChanged(() => setRevision((r) => r + 1)), [])

  useEffect(() => {
    let stale = false
    const base = chronologyId === null ? {} : { chronologyId }
    const to = filters.to.trim()
    const query = {
      ...base,
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.tag.trim() ? { tag: filters.tag.trim() } : {}),
      ...(filters.person.trim() ? { person: filters.person.trim() } : {}),
      ...(filters.place.trim() ? { place: filters.place.trim() } : {}),
      ...(dayOf(filters.from) ? { from: dayOf(filters.from) } : {}),
      ...(to ? { to: lastDayOf(to) } : {})
    }
    const unfiltered = Object.keys(query).length === Object.keys(base).length
    // Without filters the shown list is the whole list: one call, not two.
    Promise.all([api.listChronologies({}), api.listEvents(query), unfiltered ? null : api.listEvents(base), api.undoState({})])
      .then(([c, e, all, u]) => {
        if (stale) return
        setChronologies(c)
        setEvents(e)
        setAllEvents(all ?? e)
        setUndo(u)
        if (chronologyId !== null && !c.some((x) => x.id === chronologyId)) setChronologyId(null)
      })
      .catch((err: unknown) => {
        if (!stale) setError(err instanceof Error ? err.message : String(err))
      })
    return () => {
      stale = true
    }
  }, [chronologyId, filters, revision, setChronologyId])

  const reload = useCallback(() => setRevision((r) => r + 1), [])
  return { chronologies, chronologyId, setChronologyId, filters, setFilters, events, allEvents, undo, error, setError, revision, reload }
}
