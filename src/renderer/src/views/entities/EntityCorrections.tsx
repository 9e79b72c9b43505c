import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import type { EntitySummary } from '../../../../shared/entities'
import { useApiQuery } from '../../data/hooks'
import { useRestoreFocus } from '../../lib/useRestoreFocus'
import { KindIcon } from './KindIcon'

interface MergeProps {
  entity: EntitySummary
  onMerge(ids: number[]): void
  onCancel(): void
}

/** Picks the entities (found by the start of any spelling) to fold into this one. */
export function MergePicker({ entity, onMerge, onCancel }: MergeProps): React.JSX.Element {
  const [prefix, setPrefix] = useState('')
  const [picked, setPicked] = useState<Map<number, string>>(new Map())
  useRestoreFocus()
  const found = useApiQuery('listEntities', prefix.trim() ? { prefix: prefix.trim(), includeHidden: true, limit: 20 } : null, { placeholderData: keepPreviousData })
  const candidates = (prefix.trim() ? (found.data?.entities ?? []) : []).filter((e) => e.id !== entity.id)
  const toggle = (e: EntitySummary): void =>
    setPicked((prev) => {
      const next = new Map(prev)
      if (next.has(e.id)) next.delete(e.id)
      else next.set(e.id, e.name)
      return next
    })
  return (
    <form
      className="entity-form"
      aria-label={`Merge into ${entity.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        if (picked.size > 0) onMerge([...picked.keys()])
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <label>
        Entities to merge into “{entity.name}”
        <input autoFocus type="search" value={prefix} onChange={(e) => setPrefix(e.target.value)} placeholder="Name starts with…" />
      </label>
      <ul className="pick-list">
        {candidates.map((c) => (
          <li key={c.id}>
            <label className="check">
              <input type="checkbox" checked={picked.has(c.id)} onChange={() => toggle(c)} /> <KindIcon kind={c.kind} labelled /> {c.name}{' '}
              <span className="muted">({c.articles})</span>
            </label>
          </li>
        ))}
      </ul>
      {picked.size > 0 && <p className="muted">Merging: {[...picked.values()].join(', ')}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={picked.size === 0}>
          Merge {picked.size || ''}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

interface SplitProps {
  entity: EntitySummary
  onSplit(aliases: string[]): void
  onCancel(): void
}

/** Picks the spellings whose mentions move to a new entity (at least one spelling stays). */
export function SplitPicker({ entity, onSplit, onCancel }: SplitProps): React.JSX.Element {
  const [picked, setPicked] = useState<Set<string>>(new Set())
  useRestoreFocus()
  const keepsOne = picked.size > 0 && picked.size < entity.aliases.length
  return (
    <form
      className="entity-form"
      aria-label={`Split ${entity.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        if (keepsOne) onSplit([...picked])
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <fieldset>
        <legend>Spellings that are someone (or something) else</legend>
        {entity.aliases.map((a, i) => (
          <label key={a} className="check">
            <input
              type="checkbox"
              autoFocus={i === 0}
              checked={picked.has(a)}
              onChange={() =>
                setPicked((prev) => {
                  const next = new Set(prev)
                  if (next.has(a)) next.delete(a)
                  else next.add(a)
                  return next
                })
              }
            />{' '}
            {a}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!keepsOne}>
          Move to a new entity
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
