import { useLayoutEffect, useRef, useState } from 'react'
import { STANCES, type ChronologyEvent, type PassageAnchor, type Stance } from '../../../../shared/chronology'
import { humanizeEdtfString } from '../../../../shared/edtf'
import { useRestoreFocus } from '../../lib/useRestoreFocus'

interface Props {
  anchor: PassageAnchor
  events: ChronologyEvent[]
  /** Preselected target: the event selected in the chronology, if any. */
  selectedEventId: number | null
  onNewEvent(anchor: PassageAnchor, stance: Stance): void
  onAddToEvent(eventId: number, anchor: PassageAnchor, stance: Stance): void
  onDone(): void
}

/** The selection popover: cite the passage into a new event or an existing one, as support or contradiction. */
export function CiteActions({ anchor, events, selectedEventId, onNewEvent, onAddToEvent, onDone }: Props): React.JSX.Element {
  const [target, setTarget] = useState<number | ''>(selectedEventId ?? events[0]?.id ?? '')
  const [stance, setStance] = useState<Stance>('supports')
  // Closed from a mouse selection, the popover had no opener: the Reader's text takes focus.
  useRestoreFocus(() => document.querySelector<HTMLElement>('.reader-scroll'))
  const quote = anchor.exact.length > 90 ? `${anchor.exact.slice(0, 87)}…` : anchor.exact
  const list = useRef<HTMLDivElement>(null)
  // The preselected event in view inside the list, without scrolling anything around it.
  useLayoutEffect(() => {
    const box = list.current
    const checked = box?.querySelector<HTMLElement>('input:checked')?.closest('label')
    if (box && checked) box.scrollTop = checked.offsetTop - box.offsetTop - box.clientHeight / 2 + checked.offsetHeight / 2
  }, [])
  return (
    <div
      className="cite-actions"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onDone()
        }
      }}
    >
      <p className="cite-quote">“{quote}”</p>
      <div className="segmented" role="radiogroup" aria-label="This passage">
        {STANCES.map((s) => (
          <button key={s} type="button" role="radio" aria-checked={stance === s} onClick={() => setStance(s)}>
            {s}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="primary"
        onClick={() => {
          onNewEvent(anchor, stance)
          onDone()
        }}
      >
        Cite → new event
      </button>
      {events.length > 0 && (
        // A list rather than a select: titles wrap in full however narrow the Reader is.
        <div className="cite-existing">
          <div className="cite-event-list" ref={list} role="radiogroup" aria-label="Event to add the citation to">
            {events.map((e) => (
              <label key={e.id} className="cite-event">
                <input type="radio" name="cite-target" checked={target === e.id} onChange={() => setTarget(e.id)} />
                <span>
                  <span className="cite-event-date">{humanizeEdtfString(e.date.edtf)}</span> — {e.title}
                </span>
              </label>
            ))}
          </div>
          <button
            type="button"
            disabled={target === ''}
            onClick={() => {
              if (target !== '') onAddToEvent(target, anchor, stance)
              onDone()
            }}
          >
            Add to event
          </button>
        </div>
      )}
    </div>
  )
}
