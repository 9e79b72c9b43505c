import { Quote, TriangleAlert } from 'lucide-react'
import { useEffect, useState } from 'react'
import { isDisputed, type ChronologyEvent } from '../../../../shared/chronology'
import { humanizeEdtfString } from '../../../../shared/edtf'
import { monthHeading } from '../../lib/format'
import { groupEvents } from '../../lib/months'

interface Props {
  events: ChronologyEvent[]
  selectedId: number | null
  onSelect(id: number): void
  onEdit(id: number): void
  /** Dropping `sourceId` onto `targetId` asks to merge them. */
  onMerge(targetId: number, sourceId: number): void
  /** Rendered right under the selected row (details or the inline editor). */
  renderSelected(e: ChronologyEvent): React.ReactNode
}

const DRAG_TYPE = 'application/x-annalist-event'

/** The DOM id of an event's row, where focus goes back to after its editor or a dialog closes. */
export const eventRowId = (id: number): string => `event-${id}`

/** The control standing for event `id` in the view shown: its row in the list, else the timeline. */
export function eventControl(id: number): HTMLElement | null {
  return document.getElementById(eventRowId(id)) ?? document.querySelector<HTMLElement>('.chronology [data-testid="timeline-canvas"]')
}

/** Status as a small badge; `reported` is the default and shows none. */
export function StatusBadge({ e }: { e: ChronologyEvent }): React.JSX.Element | null {
  const disputed = isDisputed(e)
  if (e.status === 'reported' && !disputed) return null
  const label = disputed && e.status !== 'disputed' ? `${e.status}, sources disagree` : e.status
  return <span className={`status status-${disputed ? 'disputed' : e.status}`}>{label}</span>
}

/** The chronology as a dense list under month headings; drag a row onto another to merge them. */
export function EventList({ events, selectedId, onSelect, onEdit, onMerge, renderSelected }: Props): React.JSX.Element {
  const [dropTarget, setDropTarget] = useState<number | null>(null)
  // A selection made elsewhere (a citation mark in the Reader, the timeline) brings its row into view.
  useEffect(() => {
    if (selectedId !== null) document.getElementById(eventRowId(selectedId))?.scrollIntoView({ block: 'nearest' })
  }, [selectedId])
  if (events.length === 0) {
    return <p className="empty">No events yet. Select a passage in the Reader and choose “Cite → new event”, or accept a proposed event.</p>
  }
  // Arrows move from the row that has focus (where the key was pressed), not from the selection.
  const move = (from: number, d: number): void => {
    const index = events.findIndex((e) => e.id === from)
    const next = events[Math.max(0, Math.min(events.length - 1, index + d))]
    if (next) {
      onSelect(next.id)
      document.getElementById(eventRowId(next.id))?.focus()
    }
  }
  return (
    <div className="event-list">
      {groupEvents(events).map((g) => (
        <section key={g.key} className="month-group" aria-labelledby={`month-${g.key}`}>
          <h3 className="month-heading" id={`month-${g.key}`}>
            {monthHeading(g.key)}
          </h3>
          <ul className="month-events">
            {g.events.map((e) => (
              <li
                key={e.id}
                className={['event-item', dropTarget === e.id ? 'is-drop' : ''].join(' ')}
                draggable
                onDragStart={(d) => {
                  d.dataTransfer.setData(DRAG_TYPE, String(e.id))
                  d.dataTransfer.effectAllowed = 'move'
                }}
                onDragOver={(d) => {
                  if (!d.dataTransfer.types.includes(DRAG_TYPE)) return
                  d.preventDefault()
                  setDropTarget(e.id)
                }}
                onDragLeave={() => setDropTarget((t) => (t === e.id ? null : t))}
                onDrop={(d) => {
                  const source = Number(d.dataTransfer.getData(DRAG_TYPE))
                  setDropTarget(null)
                  if (!source || source === e.id) return
                  d.preventDefault()
                  onMerge(e.id, source)
                }}
              >
                <button
                  type="button"
                  id={eventRowId(e.id)}
                  aria-current={e.id === selectedId ? 'true' : undefined}
                  className={['event-row', e.id === selectedId ? 'is-selected' : '', isDisputed(e) ? 'is-disputed' : ''].join(' ')}
                  onClick={() => onSelect(e.id)}
                  onDoubleClick={() => onEdit(e.id)}
                  onKeyDown={(k) => {
                    if (k.ctrlKey || k.metaKey || k.altKey) return
                    if (k.key === 'ArrowDown' || k.key === 'j') move(e.id, 1)
                    else if (k.key === 'ArrowUp' || k.key === 'k') move(e.id, -1)
                    else if (k.key === 'e' || (k.key === 'Enter' && e.id === selectedId)) onEdit(e.id)
                    else return
                    k.preventDefault()
                    k.stopPropagation()
                  }}
                >
                  <span className="event-date">{humanizeEdtfString(e.date.edtf)}</span>
                  <span className="event-title">
                    {isDisputed(e) && <TriangleAlert className="icon disputed-mark" aria-label="disputed" role="img" />}
                    {e.title}
                  </span>
                  <span className="event-meta">
                    <StatusBadge e={e} />
                    <span className="cite-count" title={`${e.citations.length} citation(s)`}>
                      <Quote /> {e.citations.length}
                      <span className="visually-hidden"> citation{e.citations.length === 1 ? '' : 's'}</span>
                    </span>
                    {e.citations.some((c) => c.orphaned) && <span className="status status-orphan">orphaned citation</span>}
                  </span>
                </button>
                {e.id === selectedId && renderSelected(e)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
