import { keepPreviousData } from '@tanstack/react-query'
import { Users } from 'lucide-react'
import { forwardRef, useCallback, useRef, useState } from 'react'
import { NAMED_KINDS, type NamedKind } from '../../../../shared/entities'
import { VirtualList, type VirtualListHandle } from '../../components/VirtualList'
import { useApiQuery } from '../../data/hooks'
import { useDebounced } from '../../lib/useDebounced'
import { count } from '../../lib/format'
import { usePersistentState } from '../../lib/persist'
import { useListNavigation, type ListHandle } from '../../lib/useListNavigation'
import { KIND_LABELS, KindIcon } from './KindIcon'
import { StaleNames } from './StaleNames'
import { useEntityRefresh } from './useEntityRefresh'

/** The most the backend returns in one call; a longer list asks for a narrower prefix. */
export const ENTITY_LIST_LIMIT = 1000
const ROW_HEIGHT = 52

interface Props {
  onOpen(id: number): void
}

/** Every person, organisation and place found in the archive, most articles first. */
export const EntitiesView = forwardRef<ListHandle, Props>(function EntitiesView({ onOpen }, ref) {
  const [kind, setKind] = usePersistentState<NamedKind | ''>('entities.kind', '')
  const [showHidden, setShowHidden] = usePersistentState('entities.hidden', false)
  const [typed, setTyped] = useState('')
  const prefix = useDebounced(typed.trim(), 150)
  const args = { ...(kind ? { kind } : {}), ...(prefix ? { prefix } : {}), includeHidden: showHidden, limit: ENTITY_LIST_LIMIT }
  const listed = useApiQuery('listEntities', args, { placeholderData: keepPreviousData })
  const rows = listed.data?.entities ?? []
  const total = listed.data?.total ?? 0
  const refresh = useEntityRefresh()

  const list = useRef<VirtualListHandle>(null)
  const scrollTo = useCallback((i: number) => list.current?.scrollToIndex(i), [])
  const focus = useCallback(() => list.current?.focus(), [])
  const idAt = (i: number): number | undefined => rows[i]?.id
  const nav = useListNavigation({ count: rows.length, idAt, onOpen, scrollTo, focus, resetKey: JSON.stringify(args) }, ref)
  const activeRow = rows[nav.active]

  return (
    <div className="entities-view">
      <div className="pane-head">
        <h2 className="pane-title">
          Entities <span className="count">{count(total)}</span>
        </h2>
        <label className="visually-hidden" htmlFor="entity-prefix">
          Names starting with
        </label>
        <input
          id="entity-prefix"
          type="search"
          placeholder="Name starts with…"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Enter') {
              e.preventDefault()
              nav.onKey(e)
            }
          }}
          aria-activedescendant={activeRow ? `entity-row-${activeRow.id}` : undefined}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="entity-filters" role="toolbar" aria-label="Entity filters">
        <div className="segmented" role="group" aria-label="Kind">
          <button type="button" aria-pressed={kind === ''} onClick={() => setKind('')}>
            All
          </button>
          {NAMED_KINDS.map((k) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
              <KindIcon kind={k} /> {KIND_LABELS[k].many}
            </button>
          ))}
        </div>
        <label className="check">
          <input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} /> Show hidden
        </label>
      </div>
      <StaleNames refresh={refresh} />
      {total > rows.length && (
        <p className="entity-more muted" role="status">
          The first {count(rows.length)} of {count(total)} are listed: type the start of a name to narrow them.
        </p>
      )}
      {listed.isSuccess && rows.length === 0 ? (
        <div className="empty-state" data-testid="entities-empty">
          <Users className="icon empty-icon" />
          <p className="empty-title">{prefix || kind ? 'No entity matches' : 'No entities yet'}</p>
          <p>People, organisations and places are found in articles as they are imported; each groups every spelling of its name.</p>
        </div>
      ) : (
        <VirtualList
          ref={list}
          count={rows.length}
          rowHeight={ROW_HEIGHT}
          className="entity-list"
          role="listbox"
          ariaLabel="Entities"
          ariaActiveDescendant={activeRow ? `entity-row-${activeRow.id}` : undefined}
          tabIndex={0}
          onKeyDown={(e) => {
            if (nav.onKey(e)) e.preventDefault()
          }}
          renderRow={(i, style) => {
            const e = rows[i]!
            const aliases = e.aliases.filter((a) => a !== e.name)
            return (
              <div
                key={e.id}
                id={`entity-row-${e.id}`}
                role="option"
                aria-selected={i === nav.active}
                className={`lib-row entity-row${i === nav.active ? ' is-active' : ''}${e.hidden ? ' is-hidden' : ''}`}
                style={style}
                onClick={() => {
                  nav.setActive(i)
                  onOpen(e.id)
                }}
              >
                <span className="row-line">
                  <KindIcon kind={e.kind} labelled />
                  <span className="row-title">{e.name}</span>
                  {e.hidden && <span className="badge">hidden</span>}
                </span>
                <span className="row-meta">
                  <span>
                    {count(e.articles)} article{e.articles === 1 ? '' : 's'} · {count(e.mentions)} mention{e.mentions === 1 ? '' : 's'}
                  </span>
                  {aliases.length > 0 && <span className="row-aliases">{aliases.join(' · ')}</span>}
                </span>
              </div>
            )
          }}
        />
      )}
    </div>
  )
})
