import { useEffect, useRef, useState } from 'react'
import { CLAIM_STATUSES, type ChronologyEvent, type ClaimStatus, type EventPatch, type PassageDate } from '../../../../shared/chronology'
import { humanizeEdtfString, tryParseEdtf } from '../../../../shared/edtf'
import type { NamedKind } from '../../../../shared/entities'
import { NameListInput } from '../../components/NameListInput'
import { actorSuggestions, withName } from '../../lib/actors'
import { errorMessage } from '../../data/errors'
import { useRestoreFocus } from '../../lib/useRestoreFocus'
import { KIND_LABELS } from '../entities/KindIcon'
import { eventControl } from './EventList'
import { useCitedEntities } from './useActorSuggestions'

interface Props {
  event: ChronologyEvent
  onSave(patch: EventPatch): Promise<void>
  onCancel(): void
  /** Dates written around the cited passage, offered as one-click choices. */
  dateHints?: PassageDate[]
  /** The title was made from the cited passage: offered selected, to keep or type over. */
  titleSuggested?: boolean
}

/** The actor fields, in order, by the kind of entity each lists. */
const ACTOR_FIELDS: { kind: NamedKind; field: string }[] = [
  { kind: 'person', field: 'people' },
  { kind: 'org', field: 'organisations' },
  { kind: 'place', field: 'places' }
]

const splitList = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)

/** Inline editor for one event: title, EDTF date (with a plain-words preview), status, note, tags, and its actors (offered from the cited passages). */
export function EventEditor({ event, onSave, onCancel, dateHints = [], titleSuggested = false }: Props): React.JSX.Element {
  const [title, setTitle] = useState(event.title)
  const [date, setDate] = useState(event.date.edtf)
  const [status, setStatus] = useState<ClaimStatus>(event.status)
  const [note, setNote] = useState(event.note)
  const [tags, setTags] = useState(event.tags.join(', '))
  const [people, setPeople] = useState(event.people.join(', '))
  const [organisations, setOrganisations] = useState(event.organisations.join(', '))
  const [places, setPlaces] = useState(event.places.join(', '))
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(new Set())
  const cited = useCitedEntities(event.citations)
  const offered = actorSuggestions(cited, { person: people, org: organisations, place: places }, dismissed)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => {
    first.current?.focus()
    if (titleSuggested) first.current?.select()
  }, [titleSuggested])
  // Saved or cancelled, focus returns to what opened the editor, else to the event's own row.
  useRestoreFocus(() => eventControl(event.id))

  const dateOk = tryParseEdtf(date.trim()) !== null
  const id = `ev-${event.id}`
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (!dateOk) {
      setError('The date is not a valid EDTF date (examples: 2023-10-14, 2023-10, 2023, 2023-10-24/2023-10-25, 2023-10~).')
      return
    }
    setBusy(true)
    try {
      await onSave({ id: event.id, title: title.trim(), date: date.trim(), status, note, tags: splitList(tags), people: splitList(people), organisations: splitList(organisations), places: splitList(places) })
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="event-editor"
      aria-label={`Edit event ${event.title}`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <label htmlFor={`${id}-title`}>Title</label>
      <input
        id={`${id}-title`}
        ref={first}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        aria-describedby={titleSuggested ? `${id}-title-hint` : undefined}
      />
      {titleSuggested && (
        <p id={`${id}-title-hint`} className="field-hint">
          Suggested from the passage: keep it or type your own.
        </p>
      )}
      <label htmlFor={`${id}-date`}>Date (EDTF)</label>
      <div className="date-field">
        <input
          id={`${id}-date`}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={!dateOk}
          aria-describedby={`${id}-date-read`}
          spellCheck={false}
        />
        <span id={`${id}-date-read`} className={dateOk ? 'date-read' : 'date-read date-bad'}>
          {dateOk ? humanizeEdtfString(date.trim()) : 'not a date yet'}
        </span>
      </div>
      {dateHints.length > 0 && (
        <div className="date-hints" role="group" aria-label="Dates in the passage">
          {dateHints.map((h) => (
            <button key={`${h.date.edtf}-${h.expression}`} type="button" className="chip" aria-pressed={date.trim() === h.date.edtf} onClick={() => setDate(h.date.edtf)} title={`Written as “${h.expression}”`}>
              {humanizeEdtfString(h.date.edtf)} <span className="chip-count">“{h.expression}”</span>
            </button>
          ))}
        </div>
      )}
      <div className="precision-buttons" role="group" aria-label="Precision">
        {(['day', 'month', 'year'] as const).map((p) => {
          const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date.trim())
          const disabled = !m || (p === 'month' && !m[2]) || (p === 'day' && !m[3])
          const value = m ? (p === 'year' ? m[1]! : p === 'month' ? `${m[1]}-${m[2]}` : `${m[1]}-${m[2]}-${m[3]}`) : ''
          return (
            <button key={p} type="button" disabled={disabled} aria-pressed={date.trim() === value} onClick={() => setDate(value)}>
              {p}
            </button>
          )
        })}
      </div>
      <label htmlFor={`${id}-status`}>Status</label>
      <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus)}>
        {CLAIM_STATUSES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>Note (Markdown)</label>
      <textarea id={`${id}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      <label htmlFor={`${id}-tags`}>Tags</label>
      <NameListInput id={`${id}-tags`} value={tags} onChange={setTags} kind="tag" />
      {ACTOR_FIELDS.map(({ kind, field }) => {
        const [value, set] = kind === 'person' ? [people, setPeople] : kind === 'org' ? [organisations, setOrganisations] : [places, setPlaces]
        return (
          <div key={kind} className="actor-field">
            <label htmlFor={`${id}-${field}`}>{KIND_LABELS[kind].many}</label>
            <NameListInput id={`${id}-${field}`} value={value} onChange={set} kind={kind} />
            {offered[kind].length > 0 && (
              <div className="actor-suggestions" role="group" aria-label={`${KIND_LABELS[kind].many} named in the cited passages`}>
                {offered[kind].map((e) => (
                  <span key={e.id} className="chip actor-chip">
                    <button type="button" className="link-button" onClick={() => set(withName(value, e.name))} aria-label={`Add ${e.name}`} title={e.aliases.length > 1 ? `Also written ${e.aliases.filter((a) => a !== e.name).join(', ')}` : undefined}>
                      + {e.name}
                    </button>
                    <button type="button" className="link-button chip-dismiss" onClick={() => setDismissed(new Set(dismissed).add(e.id))} aria-label={`Not ${e.name}`}>
                      ×
                    </button>
                  </span>
                ))}
              </div>
            )}
          </div>
        )
      })}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
