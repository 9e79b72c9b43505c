/** The first-run hint that files can be dropped anywhere, until dismissed. */
export function DropHint({ onDismiss }: { onDismiss(): void }): React.JSX.Element {
  return (
    <div className="hint" role="note">
      <span>
        <strong>Drop your own articles here</strong> — text, web pages, PDFs, Word files, e-mails, scans and photos of pages, or whole folders. They stay on this
        computer.
      </span>
      <button type="button" className="link-button" onClick={onDismiss}>
        Got it
      </button>
    </div>
  )
}
