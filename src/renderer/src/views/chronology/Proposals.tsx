import { useEffect, useState } from 'react'
import type { ChronologyEvent, ProposedEvent } from '../../../../shared/chronology'
import { humanizeEdtfString, tryParseEdtf } from '../../../../shared/edtf'
import { api } from '../../api/client'

interface Props {
  articleId: number
  /** Changes whenever the chronology or the article changed, to refetch. */
  revision: number
  chronologyId: number | null
  /** Events a proposal may be merged into (its merge candidates are looked up here). */
  events: ChronologyEvent[]
  onFocus(range: { start: number; end: number }): void
  onAccepted(eventId: number): void
  onError(message: string): void
}

/** Events proposed from the article's date expressions: accept, edit then accept, or dismiss. */
export function Proposals({ articleId, revision, chronologyId, events, onFocus, onAccepted, onError }: Props): React.JSX.Element {
  const [items, setItems] = useState<ProposedEvent[] | null>(null)
  const [open, setOpen] = useState(false)
  const [editing, setEditing] = useState<{ id: number; title: string; date: string } | null>(null)

  // Opening an article (re)computes its proposals once; dismissed ones stay dismissed.
  useEffect(() => {
    let stale = false
    api
      .suggestEvents({ articleId })
      .then((p) => {
        if (!stale) setItems(p)
      })
      .catch((err: unknown) => onError(err instanceof Error ? err.message : String(err)))
    return () => {
      stale = true
    }
  }, [articleId, onError])

  useEffect(() => {
    if (revision === 0) return
    let stale = false
    api
      .listProposals({ articleId, status: 'pending' })
      .then((p) => {
        if (!stale) setItems(p)
      })
      .catch((err: unknown) => onError(err instanceof Error ? err.message : String(err)))
    return () => {
      stale = true
    }
  }, [articleId, revision, onError])

  const act = (fn: () => Promise<unknown>): void => {
    fn().catch((err: unknown) => onError(err instanceof Error ? err.message : String(err)))
  }
  const accept = (p: ProposedEvent, edits?: { title: string; date: string }, mergeInto?: number): void =>
    act(async () => {
      const res = await api.acceptProposal({
        proposalId: p.id,
        edits: { ...(edits ?? {}), ...(chronologyId !== null ? { chronologyIds: [chronologyId] } : {}) },
        ...(mergeInto !== undefined ? { mergeInto } : {})
      })
      setEditing(null)
      onAccepted(res.event.id)
    })

  const count = items?.length ?? 0
  return (
    <details className="proposals" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        Proposed events <span className="count">{items === null ? '…' : count}</span>
      </summary>
      {count === 0 && (
        <p className="muted">
          No pending proposals.{' '}
          <button type="button" className="link-button" onClick={() => act(() => api.suggestEvents({ articleId }).then(setItems))}>
            Find dated events in this article
          </button>
        </p>
      )}
      <ul className="proposal-list">
        {items?.map((p) => (
          <li key={p.id} className="proposal">
            <button type="button" className="link-button proposal-date" onClick={() => onFocus({ start: p.anchor.start, end: p.anchor.end })}>
              {humanizeEdtfString(p.date.edtf)}
            </button>
            <span className="proposal-text">
              {p.text} <em className="muted">({p.expression})</em>
            </span>
            {editing?.id === p.id ? (
              <form
                className="proposal-edit"
                onSubmit={(e) => {
                  e.preventDefault()
                  accept(p, { title: editing.title, date: editing.date })
                }}
              >
                <label>
                  Title <input value={editing.title} onChange={(e) => setEditing({ ...editing, title: e.target.value })} autoFocus />
                </label>
                <label>
                  Date <input value={editing.date} onChange={(e) => setEditing({ ...editing, date: e.target.value })} aria-invalid={!tryParseEdtf(editing.date)} />
                </label>
                <button type="submit" className="primary" disabled={!tryParseEdtf(editing.date) || !editing.title.trim()}>
                  Accept
                </button>
                <button type="button" onClick={() => setEditing(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <span className="proposal-actions">
                <button type="button" onClick={() => accept(p)}>
                  Accept
                </button>
                <button type="button" onClick={() => setEditing({ id: p.id, title: p.text.slice(0, 100), date: p.date.edtf })}>
                  Edit
                </button>
                {(p.mergeCandidates ?? []).map((id) => {
                  const target = events.find((e) => e.id === id)
                  return target ? (
                    <button key={id} type="button" onClick={() => accept(p, undefined, id)} title="Add this passage as a citation of the existing event">
                      Add to “{target.title.length > 40 ? `${target.title.slice(0, 39)}…` : target.title}”
                    </button>
                  ) : null
                })}
                <button type="button" onClick={() => act(() => api.dismissProposal({ proposalId: p.id }).then(() => setItems((xs) => xs?.filter((x) => x.id !== p.id) ?? null)))}>
                  Dismiss
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </details>
  )
}
