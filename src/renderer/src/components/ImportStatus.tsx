import { X } from 'lucide-react'
import { counted, importSummaryLine, reportNames } from '../../../shared/import-summary'
import type { ImportReport } from '../../../shared/types'
import { count, reportName } from '../lib/format'
import type { ImportState } from '../lib/useImport'

interface Props {
  state: ImportState
  onCancel(): void
  onDismiss(): void
  onOpenArticle(id: number): void
}

/** Import progress bar with a cancel button while a batch runs, then a summary with every failure. */
export function ImportStatus({ state, onCancel, onDismiss, onOpenArticle }: Props): React.JSX.Element | null {
  // A batch of ours, or one started elsewhere (the CLI, files opened with the app).
  const live = state.running ? state : state.external
  if (live) {
    return (
      <div className="import-progress" role="status" aria-live="polite" data-testid="import-progress">
        <label htmlFor="import-progress-bar">
          Importing {count(live.done)} of {count(live.total)}
          {live.current && <span className="current-file"> — {reportName(live.current)}</span>}
          {live.current && live.pages && live.pages.done < live.pages.total && (
            <span className="current-pages">
              {' '}
              (reading page {count(live.pages.done + 1)} of {count(live.pages.total)} by OCR)
            </span>
          )}
        </label>
        <progress id="import-progress-bar" max={Math.max(1, live.total)} value={live.done} />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    )
  }
  const report = state.report
  if (!report) return null
  return <ImportSummary report={report} onDismiss={onDismiss} onOpenArticle={onOpenArticle} />
}

function ImportSummary({ report, onDismiss, onOpenArticle }: { report: ImportReport; onDismiss(): void; onOpenArticle(id: number): void }): React.JSX.Element {
  const failed = report.failed.length
  const name = reportNames(report)
  const link = (id: number): React.JSX.Element => (
    <button type="button" className="link-button" onClick={() => onOpenArticle(id)}>
      {name(id)}
    </button>
  )
  return (
    <div className={failed ? 'toast toast-warn' : 'toast'} role={failed ? 'alert' : 'status'} data-testid="import-summary" aria-label="Import summary">
      <div className="toast-head">
        <strong>{report.cancelled ? 'Import cancelled' : 'Import finished'}</strong>
        <button type="button" className="icon-button" onClick={onDismiss} aria-label="Dismiss import summary">
          <X />
        </button>
      </div>
      <p className="summary-line">{importSummaryLine(report)}</p>
      {report.passedOver.length > 0 && (
        <ul className="passed-over" aria-label="Records passed over">
          {report.passedOver.map((p, i) => (
            <li key={`${p.path}-${i}`}>
              {reportName(p.path)}: passed over{' '}
              {Object.entries(p.counts)
                .map(([kind, n]) => counted(n, kind))
                .join(', ')}
            </li>
          ))}
        </ul>
      )}
      {failed > 0 && (
        <details open className="failures-box">
          <summary>Failures with reasons</summary>
          <ul className="failures" data-testid="import-failures">
            {report.failed.map((f, i) => (
              <li key={`${f.path}-${i}`}>
                <strong>{reportName(f.path)}</strong> <code>{f.code}</code>
                <div className="failure-message">{f.message}</div>
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.nearDuplicates.length > 0 && (
        <details className="failures-box">
          <summary>Articles sharing paragraphs</summary>
          <ul className="failures">
            {report.nearDuplicates.map((n) => (
              <li key={`${n.articleId}-${n.otherId}`}>
                {link(n.articleId)} shares {counted(n.sharedParagraphs, 'paragraph')} with {link(n.otherId)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.cleaned.length > 0 && (
        // Earlier articles changed under the user's citations: shown open, with what undo does.
        <details open className="failures-box" data-testid="import-cleaned">
          <summary>Earlier articles cleaned of a repeated line</summary>
          <ul className="failures">
            {report.cleaned.map((c) => (
              <li key={c.articleId}>
                {counted(c.paragraphs, 'paragraph')} that {c.outlet} keeps repeating removed from{' '}
                {c.cleanedIds.map((id, i) => (
                  <span key={id}>
                    {i > 0 && ', '}
                    {link(id)}
                  </span>
                ))}
                {c.citationsMoved.length > 0 && <>; {counted(c.citationsMoved.length, 'citation')} re-anchored</>}
                {c.citationsOrphaned.length > 0 && (
                  <>
                    ; <strong>{counted(c.citationsOrphaned.length, 'citation')} orphaned</strong> (the quoted line was removed)
                  </>
                )}
                . Undo restores them.
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.duplicates.length > 0 && (
        <details className="failures-box">
          <summary>Duplicates (not imported again)</summary>
          <ul className="failures">
            {report.duplicates.map((d, i) => (
              <li key={`${d.path}-${i}`}>
                {reportName(d.path)}: same {d.reason === 'bytes' ? 'file' : 'text'} as {link(d.duplicateOf)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
