import { keepPreviousData } from '@tanstack/react-query'
import { Globe, Minus, Plus, RotateCcw } from 'lucide-react'
import { useState } from 'react'
import type { Chronology, ChronologyEvent } from '../../../../shared/chronology'
import type { MapPlace } from '../../../../shared/entities'
import { humanizeEdtfString } from '../../../../shared/edtf'
import { useApiQuery } from '../../data/hooks'
import { INLINE } from '../../data/meta'
import { count } from '../../lib/format'
import { usePersistentState } from '../../lib/persist'
import { usePanZoom } from '../../lib/usePanZoom'
import { countryOutlines, MAP_HEIGHT, MAP_WIDTH, projectPoint, sphereOutline } from '../../lib/worldMap'

interface Props {
  chronologies: readonly Chronology[]
  onOpenEntity(id: number): void
  onOpenEvent(id: number): void
}

interface MapFilters {
  chronologyId: number | null
  from: string
  to: string
}

const ALL: MapFilters = { chronologyId: null, from: '', to: '' }
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The days an event list spans, first possible day to last, or null for none. */
export function eventSpan(events: readonly Pick<ChronologyEvent, 'date'>[]): { from: string; to: string } | null {
  if (events.length === 0) return null
  const from = events.reduce((m, e) => (e.date.earliest < m ? e.date.earliest : m), events[0]!.date.earliest)
  const to = events.reduce((m, e) => (e.date.latest > m ? e.date.latest : m), events[0]!.date.latest)
  return { from, to }
}

/** Dot radius in map units at zoom 1: by the square root of articles, so area follows the count. */
function dotRadius(articles: number, most: number): number {
  return 3 + 9 * Math.sqrt(articles / Math.max(1, most))
}

function placeSummary(p: MapPlace): string {
  const events = p.events.length ? `; events: ${p.events.map((e) => e.title).join('; ')}` : ''
  return `${p.entity.name}: ${p.articles} article${p.articles === 1 ? '' : 's'}${events}`
}

/** The places named in the archive on a world map, as dots sized by their articles, with the same list in words below. */
export function MapView({ chronologies, onOpenEntity, onOpenEvent }: Props): React.JSX.Element {
  const [filters, setFilters] = usePersistentState<MapFilters>('map.filters', ALL)
  const args = {
    ...(filters.chronologyId !== null ? { chronologyId: filters.chronologyId } : {}),
    ...(DAY.test(filters.from) ? { from: filters.from } : {}),
    ...(DAY.test(filters.to) ? { to: filters.to } : {})
  }
  const places = useApiQuery('mapPlaces', args, { placeholderData: keepPreviousData })
  // The chosen chronology's own dates, offered as the range in one click.
  const chronologyEvents = useApiQuery('listEvents', filters.chronologyId === null ? null : { chronologyId: filters.chronologyId }, { meta: INLINE })
  const span = eventSpan(chronologyEvents.data ?? [])
  const shown = places.data ?? []
  const most = Math.max(1, ...shown.map((p) => p.articles))
  const [picked, setPicked] = useState<number | null>(null)
  const pickedPlace = shown.find((p) => p.entity.id === picked)
  const { view, zoom, reset, handlers } = usePanZoom(MAP_WIDTH, MAP_HEIGHT)
  const outlines = countryOutlines()
  const sea = sphereOutline()
  const filtered = filters.chronologyId !== null || filters.from !== '' || filters.to !== ''

  return (
    <div className="map-view">
      <div className="pane-head">
        <h2 className="pane-title">
          Map <span className="count">{count(shown.length)}</span>
        </h2>
        <div className="map-zoom" role="group" aria-label="Zoom">
          <button type="button" className="icon-button" onClick={() => zoom(1.5)} aria-label="Zoom in" title="Zoom in (+)">
            <Plus />
          </button>
          <button type="button" className="icon-button" onClick={() => zoom(1 / 1.5)} aria-label="Zoom out" title="Zoom out (−)">
            <Minus />
          </button>
          <button type="button" className="icon-button" onClick={reset} aria-label="Whole world" title="Whole world (0)">
            <RotateCcw />
          </button>
        </div>
      </div>
      <div className="map-filters" role="group" aria-label="Map filters">
        <label>
          Chronology
          <select value={filters.chronologyId ?? ''} onChange={(e) => setFilters({ ...filters, chronologyId: e.target.value === '' ? null : Number(e.target.value) })}>
            <option value="">All articles and events</option>
            {chronologies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} />
        </label>
        <label>
          To
          <input type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} />
        </label>
        {span && (
          <button type="button" onClick={() => setFilters({ ...filters, ...span })} disabled={filters.from === span.from && filters.to === span.to}>
            Chronology’s dates
          </button>
        )}
        <button type="button" onClick={() => setFilters(ALL)} disabled={!filtered}>
          Clear
        </button>
      </div>
      <svg
        className="world-map"
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="group"
        aria-label="World map of places: drag to pan, wheel or + and − to zoom; the same places are listed below"
        tabIndex={0}
        {...handlers}
      >
        <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
          <path className="map-sea" d={sea} />
          {outlines.map((c) => (
            <path key={c.id} className="map-country" d={c.d} vectorEffect="non-scaling-stroke">
              <title>{c.name}</title>
            </path>
          ))}
          {shown.map((p) => {
            const at = p.entity.lon !== null && p.entity.lat !== null ? projectPoint(p.entity.lon, p.entity.lat) : null
            if (!at) return null
            return (
              <circle
                key={p.entity.id}
                data-place={p.entity.id}
                className={`map-dot${p.entity.id === picked ? ' is-picked' : ''}${p.events.length ? ' has-events' : ''}`}
                cx={at[0]}
                cy={at[1]}
                r={dotRadius(p.articles, most) / Math.sqrt(view.k)}
                vectorEffect="non-scaling-stroke"
                onMouseEnter={() => setPicked(p.entity.id)}
                onClick={() => onOpenEntity(p.entity.id)}
              >
                <title>{placeSummary(p)}</title>
              </circle>
            )
          })}
        </g>
      </svg>
      {pickedPlace && (
        <p className="map-picked" aria-live="polite">
          <strong>{pickedPlace.entity.name}</strong> · {count(pickedPlace.articles)} article{pickedPlace.articles === 1 ? '' : 's'}
          {pickedPlace.events.length > 0 && ` · ${pickedPlace.events.length} event${pickedPlace.events.length === 1 ? '' : 's'}`}
        </p>
      )}
      {places.isSuccess && shown.length === 0 ? (
        <div className="empty-state" data-testid="map-empty">
          <Globe className="icon empty-icon" />
          <p className="empty-title">{filtered ? 'No place in this range' : 'No places yet'}</p>
          <p>Places named in articles appear here when the gazetteer knows where they are.</p>
        </div>
      ) : (
        <ul className="map-list" aria-label="Places on the map">
          {shown.map((p) => (
            <li key={p.entity.id} data-testid="map-place">
              <button type="button" className="link-button" onClick={() => onOpenEntity(p.entity.id)}>
                {p.entity.name}
              </button>{' '}
              <span className="muted">
                {count(p.articles)} article{p.articles === 1 ? '' : 's'}
              </span>
              {p.events.length > 0 && (
                <ul className="map-events">
                  {p.events.map((e) => (
                    <li key={e.id}>
                      <button type="button" className="link-button" onClick={() => onOpenEvent(e.id)}>
                        {e.title}
                      </button>{' '}
                      <span className="muted">{humanizeEdtfString(e.date)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
