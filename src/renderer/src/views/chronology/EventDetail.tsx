import { sourceLabel } from '../../../../shared/article-label'
import { STANCES, type ChronologyEvent, type Citation, type Stance } from '../../../../shared/chronology'
import { Markdown } from '../../components/Markdown'
import { PublishedLabel } from '../../components/PublishedLabel'
import { openLink } from '../../lib/openLink'
import { useRestoreFocus } from '../../lib/useRestoreFocus'

interface Props {
  event: ChronologyEvent
  onEdit(): void
  onDelete(): void
  onOpenCitation(c: Citation): void
  onStance(c: Citation, stance: Stance): void
  onRemoveCitation(c: Citation): void
  /** Where focus goes when this event is deleted while focus is in its details. */
  focusAfterDelete(): HTMLElement | null
}

/** The selected event's note, entities and citations (quote, source, stance), with actions. */
export function EventDetail({ event, onEdit, onDelete, onOpenCitation, onStance, onRemoveCitation, focusAfterDelete }: Props): React.JSX.Element {
  useRestoreFocus(focusAfterDelete)
  return (
    <div className="event-detail">
      {event.note && <Markdown className="event-note" text={event.note} onLink={(url) => void openLink(url)} />}
      {(event.people.length > 0 || event.organisations.length > 0 || event.places.length > 0 || event.tags.length > 0) && (
        <p className="event-entities">
          {event.people.map((p) => (
            <span key={`p-${p}`} className="badge">
              {p}
            </span>
          ))}
          {event.organisations.map((o) => (
            <span key={`o-${o}`} className="badge badge-org">
              {o}
            </span>
          ))}
          {event.places.map((p) => (
            <span key={`l-${p}`} className="badge badge-place">
              {p}
            </span>
          ))}
          {event.tags.map((t) => (
            <span key={`t-${t}`} className="badge badge-tag">
              #{t}
            </span>
          ))}
        </p>
      )}
      <ol className="citations" aria-label="Citations">
        {event.citations.map((c) => (
          <li key={c.id} className={`citation stance-${c.stance}${c.orphaned ? ' is-orphaned' : ''}`}>
            <button type="button" className="quote-button" onClick={() => onOpenCitation(c)} title="Open the article at this passage">
              “{c.anchor.exact}”
            </button>
            <span className="citation-source">
              {sourceLabel(c.article)}, <PublishedLabel published={c.article.published} />
              {c.paragraph !== null && <>, ¶{c.paragraph}</>}
              {c.orphaned && <strong className="status status-orphan"> passage no longer found</strong>}
            </span>
            <span className="citation-actions">
              <label>
                <span className="visually-hidden">Stance of this citation</span>
                <select value={c.stance} onChange={(e) => onStance(c, e.target.value as Stance)} aria-label="Stance">
                  {STANCES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="link-button" onClick={() => onRemoveCitation(c)}>
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="button" onClick={onEdit}>
          Edit (E)
        </button>
        <button type="button" onClick={onDelete}>
          Delete
        </button>
      </div>
    </div>
  )
}
