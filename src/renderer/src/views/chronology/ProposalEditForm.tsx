import { useState } from 'react'
import { tryParseEdtf } from '../../../../shared/edtf'
import { useRestoreFocus } from '../../lib/useRestoreFocus'

interface Props {
  /** The suggested title and the proposal's date, to keep or change before accepting. */
  initial: { title: string; date: string }
  onAccept(edits: { title: string; date: string }): void
  onCancel(): void
  /** Where focus goes when the form closes and its Edit button is gone with it. */
  returnFocus(): HTMLElement | null
}

/** A proposal's title and date, edited before it is accepted. */
export function ProposalEditForm({ initial, onAccept, onCancel, returnFocus }: Props): React.JSX.Element {
  const [title, setTitle] = useState(initial.title)
  const [date, setDate] = useState(initial.date)
  useRestoreFocus(returnFocus)
  return (
    <form
      className="proposal-edit"
      onSubmit={(e) => {
        e.preventDefault()
        onAccept({ title, date })
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
      </label>
      <label>
        Date <input value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={!tryParseEdtf(date)} />
      </label>
      <button type="submit" className="primary" disabled={!tryParseEdtf(date) || !title.trim()}>
        Accept
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  )
}
