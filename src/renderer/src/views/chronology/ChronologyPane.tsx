import { ChartGantt, List, ListFilter, Redo2, Undo2 } from 'lucide-react'
import { useState } from 'react'
import { CLAIM_STATUSES, type ChronologyEvent, type Citation, type ClaimStatus, type EventPatch, type PassageDate } from '../../../../shared/chronology'
import { useApiMutation } from '../../data/hooks'
import { INLINE } from '../../data/meta'
import { usePersistentState } from '../../lib/persist'
import { NameForm } from '../../components/NameForm'
import { EntityPicker } from '../entities/EntityPicker'
import { EventDetail } from './EventDetail'
import { EventEditor } from './EventEditor'
import { eventControl, EventList } from './EventList'
import { MergeConfirm } from './MergeConfirm'
import { Timeline } from './Timeline'
import { NO_FILTERS, type ChronologyData, type EventFilters } from './useChronology'

interface Props {
  data: ChronologyData
  selectedId: number | null
  onSelect(id: number | null): void
  editingId: number | null
  onEditing(id: number | null): void
  onOpenCitation(c: Citation): void
  onUndo(): void
  onRedo(): void
  /** Dates written around the passage an event was just cited from, by event id. */
  dateHints: Map<number, PassageDate[]>
  /** Titles just made from a cited passage, by event id, offered as suggestions while unchanged. */
  suggestedTitles: ReadonlyMap<number, string>
}

/** The chronology: a month-grouped list or a visual timeline sharing one selection, filters, undo. */
export function ChronologyPane({ data, selectedId, onSelect, editingId, onEditing, onOpenCitation, onUndo, onRedo, dateHints, suggestedTitles }: Props): React.JSX.Element {
  const [mode, setMode] = usePersistentState<'list' | 'timeline'>('chronology.mode', 'list')
  const [showFilters, setShowFilters] = useState(false)
  const [merge, setMerge] = useState<{ target: ChronologyEvent; source: ChronologyEvent } | null>(null)
  const [naming, setNaming] = useState(false)
  const { events, filters, setFilters } = data
  const filtered = Object.values(filters).some((v) => v !== '')

  const updateEvent = useApiMutation('updateEvent', { meta: INLINE })
  const deleteEvent = useApiMutation('deleteEvent', { onSuccess: () => onSelect(null) })
  const updateCitation = useApiMutation('updateCitation')
  const removeCitation = useApiMutation('removeCitation')
  const mergeEvents = useApiMutation('mergeEvents', { onSuccess: (e) => onSelect(e.id) })
  const createChronology = useApiMutation('createChronology', { onSuccess: (c) => data.setChronologyId(c.id) })
  // The editor shows a refused save in its own form.
  const save = async (patch: EventPatch): Promise<void> => {
    await updateEvent.mutateAsync(patch)
    onEditing(null)
  }

  const renderSelected = (e: ChronologyEvent): React.ReactNode =>
    editingId === e.id ? (
      <EventEditor event={e} onSave={save} onCancel={() => onEditing(null)} dateHints={dateHints.get(e.id)} titleSuggested={suggestedTitles.get(e.id) === e.title} />
    ) : (
      <EventDetail
        event={e}
        onEdit={() => onEditing(e.id)}
        onDelete={() => void deleteEvent.run({ id: e.id })}
        onOpenCitation={onOpenCitation}
        onStance={(c, stance) => void updateCitation.run({ id: c.id, stance })}
        onRemoveCitation={(c) => void removeCitation.run({ id: c.id })}
        focusAfterDelete={() => {
          // The next event down, else the one above, else the chronology chooser (WAI-ARIA: after a deletion, the next item).
          const at = events.findIndex((x) => x.id === e.id)
          const near = events[at + 1] ?? events[at - 1]
          return (near && eventControl(near.id)) || document.querySelector<HTMLElement>('.chronology select')
        }}
      />
    )
  const selected = events.find((e) => e.id === selectedId)
  const setFilter = (k: keyof EventFilters, v: string): void => setFilters({ ...filters, [k]: v })

  return (
    <section className="pane chronology" aria-label="Chronology">
      <div className="pane-head">
        <h2 className="pane-title">
          Chronology <span className="count">{events.length}</span>
        </h2>
        <select
          aria-label="Chronology shown"
          value={data.chronologyId ?? ''}
          onChange={(e) => {
            if (e.target.value === '__new') {
              setNaming(true)
              return
            }
            data.setChronologyId(e.target.value === '' ? null : Number(e.target.value))
          }}
        >
          <option value="">All events</option>
          {data.chronologies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.eventCount})
            </option>
          ))}
          <option value="__new">New chronology…</option>
        </select>
      </div>
      {naming && (
        <div className="chrono-naming">
          <NameForm
            label="Name of the new chronology"
            submitLabel="Create"
            onCancel={() => setNaming(false)}
            onSubmit={(name) => {
              setNaming(false)
              void createChronology.run({ name })
            }}
          />
        </div>
      )}
      <div className="chrono-tools" role="toolbar" aria-label="Chronology tools">
        <div className="segmented" role="group" aria-label="View">
          <button type="button" aria-pressed={mode === 'list'} onClick={() => setMode('list')}>
            <List /> List
          </button>
          <button type="button" aria-pressed={mode === 'timeline'} onClick={() => setMode('timeline')}>
            <ChartGantt /> Timeline
          </button>
        </div>
        <button type="button" aria-expanded={showFilters} onClick={() => setShowFilters((s) => !s)} className={filtered ? 'is-filtered' : ''}>
          <ListFilter /> Filter{filtered ? ' •' : ''}
        </button>
        <button type="button" onClick={onUndo} disabled={!data.undo.canUndo} aria-label="Undo" title={data.undo.label ? `Undo: ${data.undo.label} (Ctrl+Z)` : 'Nothing to undo'}>
          <Undo2 />
        </button>
        <button type="button" onClick={onRedo} disabled={!data.undo.canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
          <Redo2 />
        </button>
      </div>
      {showFilters && (
        <div className="chrono-filters" role="group" aria-label="Filters">
          <label>
            Status
            <select value={filters.status} onChange={(e) => setFilter('status', e.target.value as ClaimStatus | '')}>
              <option value="">any</option>
              {CLAIM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Tag
            <input value={filters.tag} onChange={(e) => setFilter('tag', e.target.value)} />
          </label>
          <label>
            Person
            <input value={filters.person} onChange={(e) => setFilter('person', e.target.value)} />
          </label>
          <label>
            Organisation
            <input value={filters.organisation} onChange={(e) => setFilter('organisation', e.target.value)} />
          </label>
          <label>
            Place
            <input value={filters.place} onChange={(e) => setFilter('place', e.target.value)} />
          </label>
          <div className="chrono-entity">
            <label htmlFor="chrono-entity">About</label>
            <EntityPicker id="chrono-entity" picked={filters.entityName} onPick={(e) => setFilters({ ...filters, entityId: e ? String(e.id) : '', entityName: e?.name ?? '' })} />
          </div>
          <label>
            From
            <input value={filters.from} onChange={(e) => setFilter('from', e.target.value)} placeholder="2023-10" />
          </label>
          <label>
            To
            <input value={filters.to} onChange={(e) => setFilter('to', e.target.value)} placeholder="2023-11-15" />
          </label>
          <button type="button" onClick={() => setFilters(NO_FILTERS)} disabled={!filtered}>
            Clear
          </button>
        </div>
      )}
      {data.error && (
        <p className="form-error" role="alert">
          {data.error}{' '}
          <button type="button" className="link-button" onClick={data.retry}>
            Try again
          </button>
        </p>
      )}
      {merge && (
        <MergeConfirm
          source={merge.source}
          target={merge.target}
          onCancel={() => setMerge(null)}
          onMerge={() => {
            setMerge(null)
            void mergeEvents.run({ targetId: merge.target.id, sourceId: merge.source.id })
          }}
        />
      )}
      <div className="chrono-body">
        {mode === 'list' ? (
          <EventList
            events={events}
            selectedId={selectedId}
            onSelect={(id) => onSelect(id)}
            onEdit={(id) => {
              onSelect(id)
              onEditing(id)
            }}
            onMerge={(targetId, sourceId) => {
              const target = events.find((e) => e.id === targetId)
              const source = events.find((e) => e.id === sourceId)
              if (target && source) setMerge({ target, source })
            }}
            renderSelected={renderSelected}
          />
        ) : (
          <>
            <Timeline
              events={events}
              chronologyId={data.chronologyId}
              selectedId={selectedId}
              onSelect={(id) => onSelect(id)}
              onEdit={(id) => {
                onSelect(id)
                onEditing(id)
              }}
            />
            {selected && (
              <div className="timeline-detail" aria-label="Selected event">
                <h3 className="timeline-detail-title">{selected.title}</h3>
                {renderSelected(selected)}
              </div>
            )}
          </>
        )}
      </div>
    </section>
  )
}
