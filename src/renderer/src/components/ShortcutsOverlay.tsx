import { X } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { CARET_KEYS } from '../lib/useReaderCaret'
import { useRestoreFocus } from '../lib/useRestoreFocus'

/** Every keyboard shortcut, listed once for the "?" overlay. */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['Ctrl/⌘', 'K'], action: 'Focus the search box' },
  { keys: ['↑', '↓'], action: 'Move through the list (also J / K)' },
  { keys: ['Enter'], action: 'Open the highlighted article or hit' },
  { keys: ['F3', 'Shift+F3'], action: 'Next / previous match in the Reader' },
  ...CARET_KEYS,
  { keys: ['C'], action: 'Open the Cite popover on the selected passage' },
  { keys: ['E'], action: 'Edit the selected event' },
  { keys: ['Ctrl/⌘', 'Z'], action: 'Undo the last chronology edit' },
  { keys: ['Ctrl/⌘', 'Shift', 'Z'], action: 'Redo' },
  { keys: ['Space'], action: 'Add the highlighted article to the selection' },
  { keys: ['Ctrl/⌘', 'Click'], action: 'Select several articles (Shift+Click for a range)' },
  { keys: ['← / →'], action: 'Resize panes when a divider has focus' },
  { keys: ['Esc'], action: 'Close a dialog or popover' },
  { keys: ['?'], action: 'Show this list' }
]

/** The "?" overlay: a modal dialog listing the shortcuts. */
export function ShortcutsOverlay({ onClose }: { onClose(): void }): React.JSX.Element {
  const close = useRef<HTMLButtonElement>(null)
  useRestoreFocus()
  useEffect(() => close.current?.focus(), [])
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="modal shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault()
            onClose()
          }
        }}
      >
        <div className="modal-head">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button type="button" ref={close} className="icon-button" onClick={onClose} aria-label="Close shortcuts">
            <X />
          </button>
        </div>
        <table className="shortcut-table">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' '}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{s.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
