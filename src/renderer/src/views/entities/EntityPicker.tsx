import { keepPreviousData } from '@tanstack/react-query'
import { X } from 'lucide-react'
import { useState } from 'react'
import type { EntitySummary } from '../../../../shared/entities'
import { useApiQuery } from '../../data/hooks'
import { INLINE } from '../../data/meta'
import { KIND_LABELS } from './KindIcon'

interface Props {
  id: string
  /** The entity picked, by name, or '' for none. */
  picked: string
  onPick(entity: EntitySummary | null): void
}

const option = (e: EntitySummary): string => `${e.name} (${KIND_LABELS[e.kind].one})`

/** Picks one person, organisation or place by the start of any of its spellings. */
export function EntityPicker({ id, picked, onPick }: Props): React.JSX.Element {
  const [typed, setTyped] = useState('')
  const prefix = typed.trim()
  const found = useApiQuery('listEntities', prefix ? { prefix, includeHidden: false, limit: 12 } : null, { placeholderData: keepPreviousData, meta: INLINE })
  const options = prefix ? (found.data?.entities ?? []) : []
  if (picked) {
    return (
      <span className="chip chip-on entity-picked">
        {picked}
        <button type="button" className="link-button" aria-label={`Any entity, not only ${picked}`} onClick={() => onPick(null)}>
          <X />
        </button>
      </span>
    )
  }
  return (
    <>
      <input
        id={id}
        type="search"
        value={typed}
        list={`${id}-options`}
        placeholder="person, organisation or place"
        autoComplete="off"
        onChange={(e) => {
          const value = e.target.value
          const chosen = options.find((o) => option(o) === value)
          if (chosen) {
            setTyped('')
            onPick(chosen)
          } else setTyped(value)
        }}
      />
      <datalist id={`${id}-options`}>
        {options.map((o) => (
          <option key={o.id} value={option(o)} />
        ))}
      </datalist>
    </>
  )
}
