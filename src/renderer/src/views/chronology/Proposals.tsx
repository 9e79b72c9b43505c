import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { ChronologyEvent, ProposedEvent } from '../../../../shared/chronology'
import { humanizeEdtfString } from '../../../../shared/edtf'
import { suggestTitle } from '../../../../shared/titles'
import { useApi } from '../../data/context'
import { useApiMutation } from '../../data/hooks'
import { apiKey } from '../../data/keys'
import { focusLost } from '../../lib/useRestoreFocus'
import { ProposalEditForm } from './ProposalEditForm'

interface Props {
  articleId: number
  chronologyId: number | null
  /** Events a proposal may be merged into (its merge candidates are looked up here). */
  events: ChronologyEvent[]
  onFocus(range: { start: number; end: number }): void
  onAccepted(eventId: number): void
}

/**
 * The article's pending proposals. Their first reading (re)computes them from the text, as
 * opening an article should; refetches after a change only list them (dismissed ones stay so).
 */
function usePendingProposals(articleId: number): { items: ProposedEvent[] | null; recompute(): void } {
  const client = useApi()
  const qc = useQueryClient()
  const key = apiKey('listProposals', { articleId, status: 'pending' })
  const query = useQuery({
    queryKey: key,
    queryFn: () => (qc.getQueryState(key)?.dataUpdatedAt ? client.listProposals(key[1]) : client.suggestEvents({ articleId }))
  })
  const suggest = useApiMutation('suggestEvents', { onSuccess: (p) => qc.setQueryData(key, p) })
  return { items: query.data ?? null, recompute: () => void suggest.run({ articleId }) }
}

/** Events proposed from the article's date expressions: accept, edit then accept, or dismiss. */
export function Proposals({ articleId, chronologyId, events, onFocus, onAccepted }: Props): React.JSX.Element {
  const { items, recompute } = usePendingProposals(articleId)
  const [open, setOpen] = useState(false)
  const [editing, setEditing] = useState<number | null>(null)
  // Where focus goes once a handled proposal leaves the list: the one that took its row, else the
  // summary (WAI-ARIA: never let focus fall to the page when the focused control disappears).
  const box = useRef<HTMLDetailsElement>(null)
  const refocus = useRef<{ id: number; row: number } | null>(null)
  const handled = (p: ProposedEvent): void => {
    refocus.current = { id: p.id, row: items?.findIndex((x) => x.id === p.id) ?? 0 }
  }
  useEffect(() => {
    const pending = refocus.current
    if (pending === null || !box.current || items?.some((x) => x.id === pending.id)) return
    refocus.current = null
    // Only when the handled row took focus with it; a failed accept leaves it (and focus) in place.
    if (!focusLost()) return
    const rows = box.current.querySelectorAll<HTMLButtonElement>('.proposal-accept')
    const next = rows[Math.min(pending.row, rows.length - 1)] ?? box.current.querySelector('summary')
    next?.focus()
  }, [items])
  const acceptProposal = useApiMutation('acceptProposal', {
    onSuccess: (res) => {
      setEditing(null)
      onAccepted(res.event.id)
    }
  })
  const dismissProposal = useApiMutation('dismissProposal')

  const accept = (p: ProposedEvent, edits?: { title: string; date: string }, mergeInto?: number): void => {
    handled(p)
    void acceptProposal.run({
      proposalId: p.id,
      edits: { ...(edits ?? {}), ...(chronologyId !== null ? { chronologyIds: [chronologyId] } : {}) },
      ...(mergeInto !== undefined ? { mergeInto } : {})
    })
  }

  const count = items?.length ?? 0
  return (
    <details ref={box} className="proposals" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        Proposed events <span className="count">{items === null ? '…' : count}</span>
      </summary>
      {count === 0 && (
        <p className="muted">
          No pending proposals.{' '}
          <button type="button" className="link-button" onClick={recompute}>
            Find dated events in this article
          </button>
        </p>
      )}
      <ul className="proposal-list">
        {items?.map((p) => (
          <li key={p.id} className="proposal" data-proposal={p.id}>
            <button type="button" className="link-button proposal-date" onClick={() => onFocus({ start: p.anchor.start, end: p.anchor.end })}>
              {humanizeEdtfString(p.date.edtf)}
            </button>
            <span className="proposal-text">
              {p.text} <em className="muted">({p.expression})</em>
            </span>
            {editing !== p.id && (
              <span className="proposal-title">
                <span className="muted">Title on accept:</span> {suggestTitle(p.text)}
              </span>
            )}
            {editing === p.id ? (
              <ProposalEditForm
                initial={{ title: suggestTitle(p.text), date: p.date.edtf }}
                onAccept={(edits) => accept(p, edits)}
                onCancel={() => setEditing(null)}
                returnFocus={() => box.current?.querySelector<HTMLElement>(`[data-proposal="${p.id}"] .proposal-accept`) ?? null}
              />
            ) : (
              <span className="proposal-actions">
                <button type="button" className="proposal-accept" onClick={() => accept(p, { title: suggestTitle(p.text), date: p.date.edtf })}>
                  Accept
                </button>
                <button type="button" onClick={() => setEditing(p.id)}>
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
                <button
                  type="button"
                  onClick={() => {
                    handled(p)
                    void dismissProposal.run({ proposalId: p.id })
                  }}
                >
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
