import { useEffect, useRef, useState } from 'react'
import { useRestoreFocus } from '../lib/useRestoreFocus'

interface Props {
  label: string
  initial?: string
  submitLabel: string
  onSubmit(name: string): void
  onCancel(): void
}

/** A one-field inline form for naming things (Electron has no window.prompt). */
export function NameForm({ label, initial = '', submitLabel, onSubmit, onCancel }: Props): React.JSX.Element {
  const [name, setName] = useState(initial)
  const input = useRef<HTMLInputElement>(null)
  useRestoreFocus()
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])
  return (
    <form
      className="name-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (name.trim()) onSubmit(name.trim())
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <label>
        <span className="visually-hidden">{label}</span>
        <input ref={input} value={name} onChange={(e) => setName(e.target.value)} placeholder={label} aria-label={label} />
      </label>
      <button type="submit" className="primary" disabled={!name.trim()}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  )
}
