import type { ChronologyEvent } from '../../../../shared/chronology'
import { useRestoreFocus } from '../../lib/useRestoreFocus'
import { eventControl } from './EventList'

interface Props {
  source: ChronologyEvent
  target: ChronologyEvent
  onMerge(): void
  onCancel(): void
}

/** Asks before merging a dropped event into another; closed, focus goes back to the drag's row or the merged event. */
export function MergeConfirm({ source, target, onMerge, onCancel }: Props): React.JSX.Element {
  useRestoreFocus(() => eventControl(target.id))
  return (
    <div
      className="merge-confirm"
      role="alertdialog"
      aria-label="Merge events"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <p>
        Merge “{source.title}” into “{target.title}”? Its citations, tags, people and places move over and it is removed.
      </p>
      <div className="form-actions">
        <button type="button" className="primary" autoFocus onClick={onMerge}>
          Merge
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
