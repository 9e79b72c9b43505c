import { keepPreviousData } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { errorMessage } from '../data/errors'
import { useApiMutation, useApiQuery } from '../data/hooks'
import { INLINE } from '../data/meta'
import { count } from '../lib/format'

interface Props {
  ids: readonly number[]
  /** Called after a change was stored, with a sentence saying what happened. */
  onDone(message: string): void
  onCancel(): void
}

/** Adds a tag to, or removes it from, every selected article (an inline form: Electron has no prompt). */
export function TagSelectionForm({ ids, onDone, onCancel }: Props): React.JSX.Element {
  const id = useId()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const prefix = name.trim()

  useEffect(() => input.current?.focus(), [])
  const known = useApiQuery('listArticleTags', { prefix, limit: 20 }, { placeholderData: keepPreviousData, meta: INLINE }).data ?? []
  const tagArticles = useApiMutation('tagArticles', { meta: INLINE })

  const n = `${count(ids.length)} article${ids.length === 1 ? '' : 's'}`
  const apply = async (mode: 'add' | 'remove'): Promise<void> => {
    if (!prefix) return
    setBusy(true)
    setError(null)
    try {
      const r = await tagArticles.mutateAsync({ ids: [...ids], [mode]: [prefix] })
      onDone(
        mode === 'add'
          ? `Tagged ${count(r.added)} of ${n} “${prefix}”.`
          : `Removed “${prefix}” from ${count(r.removed)} of ${n}.`
      )
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="name-form tag-form"
      aria-label={`Tag ${n}`}
      onSubmit={(e) => {
        e.preventDefault()
        void apply('add')
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <label htmlFor={`${id}-name`} className="visually-hidden">
        Tag name
      </label>
      <input
        ref={input}
        id={`${id}-name`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="Tag name"
        list={`${id}-known`}
        autoComplete="off"
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <datalist id={`${id}-known`}>
        {known.map((t) => (
          <option key={t.name} value={t.name}>
            {`${t.name} (${count(t.count)})`}
          </option>
        ))}
      </datalist>
      <button type="submit" className="primary" disabled={busy || !prefix}>
        Add to {n}
      </button>
      <button type="button" disabled={busy || !prefix} onClick={() => void apply('remove')}>
        Remove
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <p className="form-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
    </form>
  )
}
