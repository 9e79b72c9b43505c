import { useEffect, useId, useRef, useState } from 'react'
import type { ArticleTagCount } from '../../../shared/article-tags'
import { api } from '../api/client'
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
  const [known, setKnown] = useState<ArticleTagCount[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const prefix = name.trim()

  useEffect(() => input.current?.focus(), [])
  useEffect(() => {
    let stale = false
    api
      .listArticleTags({ prefix, limit: 20 })
      .then((tags) => {
        if (!stale) setKnown(tags)
      })
      .catch(() => {
        if (!stale) setKnown([])
      })
    return () => {
      stale = true
    }
  }, [prefix])

  const n = `${count(ids.length)} article${ids.length === 1 ? '' : 's'}`
  const apply = async (mode: 'add' | 'remove'): Promise<void> => {
    if (!prefix) return
    setBusy(true)
    setError(null)
    try {
      const r = await api.tagArticles({ ids: [...ids], [mode]: [prefix] })
      onDone(
        mode === 'add'
          ? `Tagged ${count(r.added)} of ${n} “${prefix}”.`
          : `Removed “${prefix}” from ${count(r.removed)} of ${n}.`
      )
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
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
