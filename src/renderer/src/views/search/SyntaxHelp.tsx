import { X } from 'lucide-react'
import { SEARCH_HELP, SEARCH_HELP_NOTE } from '../../../../shared/search-help'

/** Query syntax reference, shown from the "?" next to the search box. */
export function SyntaxHelp({ onClose }: { onClose(): void }): React.JSX.Element {
  return (
    <div
      className="popover syntax-help"
      role="dialog"
      aria-label="Search syntax"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
        }
      }}
    >
      <div className="modal-head">
        <h3>Search syntax</h3>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close search syntax" autoFocus>
          <X />
        </button>
      </div>
      <table>
        <tbody>
          {SEARCH_HELP.map((r) => (
            <tr key={r.syntax}>
              <td>
                <code>{r.syntax}</code>
              </td>
              <td>{r.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{SEARCH_HELP_NOTE}</p>
    </div>
  )
}
