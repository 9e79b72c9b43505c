import type { ImportProgress, ImportReport } from '../../../shared/types'

interface Props {
  progress: ImportProgress | null
  report: ImportReport | null
  onDismiss(): void
}

/** Import progress bar while a batch runs, then a toast with the summary and every failure. */
export function ImportStatus({ progress, report, onDismiss }: Props): React.JSX.Element | null {
  if (progress && progress.done < progress.total) {
    return (
      <div className="import-progress" role="status" aria-live="polite">
        <label htmlFor="import-progress-bar">
          Importing {progress.done} of {progress.total}
        </label>
        <progress id="import-progress-bar" max={progress.total} value={progress.done} />
      </div>
    )
  }
  if (!report) return null
  return (
    <div className="toast" role="alert" data-testid="import-summary">
      <p>
        {report.added.length} added, {report.duplicates.length} duplicate{report.duplicates.length === 1 ? '' : 's'},{' '}
        {report.failed.length} failed
      </p>
      {report.failed.length > 0 && (
        <ul className="failures">
          {report.failed.map((f) => (
            <li key={f.path}>
              <strong>{f.path.split(/[\\/]/).pop()}</strong>: {f.message} <code>{f.code}</code>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
