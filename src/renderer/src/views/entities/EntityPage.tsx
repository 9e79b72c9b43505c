import { keepPreviousData } from '@tanstack/react-query'
import { ArrowLeft, Eye, EyeOff, GitMerge, Pencil, Split } from 'lucide-react'
import { useState } from 'react'
import type { EntityPassage, EntitySummary } from '../../../../shared/entities'
import { humanizeEdtfString } from '../../../../shared/edtf'
import { NameForm } from '../../components/NameForm'
import { useApiQuery } from '../../data/hooks'
import { count } from '../../lib/format'
import { MergePicker, SplitPicker } from './EntityCorrections'
import { EntityGraphView } from './EntityGraphView'
import { KIND_LABELS, KindIcon } from './KindIcon'
import { useEntityEdits } from './useEntityEdits'

const PASSAGE_PAGE = 50

interface Props {
  id: number
  onBack(): void
  onOpenEntity(id: number): void
  onOpenPassage(articleId: number, start: number, end: number): void
  onOpenEvent(id: number): void
  /** Shows only this entity's events in the chronology. */
  onFilterChronology(entity: EntitySummary): void
}

type Editing = 'rename' | 'merge' | 'split' | null

/** One entity: its spellings, every passage naming it, its events and the entities seen with it. */
export function EntityPage({ id, onBack, onOpenEntity, onOpenPassage, onOpenEvent, onFilterChronology }: Props): React.JSX.Element {
  const [shown, setShown] = useState({ id, limit: PASSAGE_PAGE })
  const limit = shown.id === id ? shown.limit : PASSAGE_PAGE
  const page = useApiQuery('getEntity', { id, passageLimit: limit }, { placeholderData: keepPreviousData })
  const graph = useApiQuery('entityGraph', { id, limit: 12 })
  const [editing, setEditing] = useState<{ id: number; what: Editing }>({ id, what: null })
  const what = editing.id === id ? editing.what : null
  const edit = (w: Editing): void => setEditing({ id, what: w })
  const edits = useEntityEdits(id)
  // The entity a split just made, offered as a link until another entity is shown.
  const [splitOff, setSplitOff] = useState<{ from: number; entity: EntitySummary } | null>(null)

  const data = page.data?.entity.id === id ? page.data : undefined
  if (!data) {
    return (
      <div className="entity-page">
        <BackBar onBack={onBack} />
        <p className="empty">{page.isError ? 'This entity is no longer in the archive.' : 'Opening…'}</p>
      </div>
    )
  }
  const { entity, passages, passageTotal, events, related } = data
  return (
    <article className="entity-page" aria-labelledby="entity-name">
      <BackBar onBack={onBack} />
      <header className="entity-head">
        <h2 id="entity-name" className="entity-name">
          <KindIcon kind={entity.kind} /> {entity.name}
        </h2>
        <p className="entity-meta muted">
          {KIND_LABELS[entity.kind].one} · {count(entity.articles)} article{entity.articles === 1 ? '' : 's'} · {count(entity.mentions)} mention
          {entity.mentions === 1 ? '' : 's'}
          {entity.hidden && ' · hidden'}
          {entity.lat !== null && entity.lon !== null && ` · ${entity.lat.toFixed(2)}, ${entity.lon.toFixed(2)}`}
        </p>
        <p className="entity-aliases" aria-label="Spellings">
          {entity.aliases.map((a) => (
            <span key={a} className="badge alias">
              {a}
            </span>
          ))}
        </p>
        <div className="entity-actions" role="toolbar" aria-label="Correct this entity">
          <button type="button" onClick={() => edit('rename')} aria-expanded={what === 'rename'}>
            <Pencil /> Rename
          </button>
          <button type="button" onClick={() => edit('merge')} aria-expanded={what === 'merge'}>
            <GitMerge /> Merge…
          </button>
          <button type="button" onClick={() => edit('split')} aria-expanded={what === 'split'} disabled={entity.aliases.length < 2}>
            <Split /> Split…
          </button>
          <button type="button" onClick={() => void edits.setHidden(!entity.hidden)}>
            {entity.hidden ? <Eye /> : <EyeOff />} {entity.hidden ? 'Show' : 'Hide'}
          </button>
        </div>
        {what === 'rename' && (
          <NameForm
            label={`New name for ${entity.name}`}
            initial={entity.name}
            submitLabel="Rename"
            onCancel={() => edit(null)}
            onSubmit={(name) => {
              edit(null)
              void edits.rename(name)
            }}
          />
        )}
        {what === 'merge' && (
          <MergePicker
            entity={entity}
            onCancel={() => edit(null)}
            onMerge={(ids) => {
              edit(null)
              void edits.merge(ids)
            }}
          />
        )}
        {what === 'split' && (
          <SplitPicker
            entity={entity}
            onCancel={() => edit(null)}
            onSplit={(aliases) => {
              edit(null)
              void edits.split(aliases).then((created) => {
                if (created) setSplitOff({ from: id, entity: created })
              })
            }}
          />
        )}
        {splitOff?.from === id && (
          <p className="selection-bar" role="status">
            Split off as{' '}
            <button type="button" className="link-button" onClick={() => onOpenEntity(splitOff.entity.id)}>
              {splitOff.entity.name}
            </button>
          </p>
        )}
      </header>

      <section aria-labelledby="entity-events">
        <h3 id="entity-events" className="section-title">
          Events <span className="count">{events.length}</span>
        </h3>
        {events.length > 0 && (
          <button type="button" className="link-button" onClick={() => onFilterChronology(entity)}>
            Show only these in the chronology
          </button>
        )}
        {events.length === 0 ? (
          <p className="muted">In no event yet: cite a passage naming it to offer it as an actor.</p>
        ) : (
          <ul className="entity-events">
            {events.map((e) => (
              <li key={e.id}>
                <button type="button" className="link-button" onClick={() => onOpenEvent(e.id)}>
                  {e.title}
                </button>{' '}
                <span className="muted">{humanizeEdtfString(e.date)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {related.length > 0 && (
        <section aria-labelledby="entity-related">
          <h3 id="entity-related" className="section-title">
            Appears with
          </h3>
          {graph.data && <EntityGraphView graph={graph.data} centre={entity.id} onOpen={onOpenEntity} />}
          <ul className="entity-related">
            {related.map((r) => (
              <li key={r.entity.id}>
                <KindIcon kind={r.entity.kind} labelled />{' '}
                <button type="button" className="link-button" onClick={() => onOpenEntity(r.entity.id)}>
                  {r.entity.name}
                </button>{' '}
                <span className="muted">
                  {r.together} article{r.together === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="entity-passages">
        <h3 id="entity-passages" className="section-title">
          Passages <span className="count">{count(passageTotal)}</span>
        </h3>
        <ul className="entity-passages">
          {passages.map((p) => (
            <li key={`${p.articleId}-${p.start}`}>
              <button type="button" className="passage-button" onClick={() => onOpenPassage(p.articleId, p.start, p.end)}>
                <PassageSnippet p={p} />
                <span className="passage-source muted">{p.label}</span>
              </button>
            </li>
          ))}
        </ul>
        {passages.length < passageTotal && (
          <button type="button" onClick={() => setShown({ id, limit: limit + PASSAGE_PAGE })}>
            Show more passages
          </button>
        )}
      </section>
    </article>
  )
}

function BackBar({ onBack }: { onBack(): void }): React.JSX.Element {
  return (
    <div className="pane-head">
      <button type="button" onClick={onBack}>
        <ArrowLeft /> All entities
      </button>
    </div>
  )
}

/** The sentence with the spelling used there marked. */
function PassageSnippet({ p }: { p: EntityPassage }): React.JSX.Element {
  const { text, start, end } = p.snippet
  return (
    <span className="snippet">
      {text.slice(0, start)}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end)}
    </span>
  )
}
