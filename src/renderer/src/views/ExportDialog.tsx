import { X } from 'lucide-react'
import { keepPreviousData } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { CLAIM_STATUSES, type ClaimStatus } from '../../../shared/chronology'
import { EXPORT_FORMATS, type ExportFormat, type ExportGrouping, type ExportOptions, type ExportResult } from '../../../shared/export'
import { host } from '../api/client'
import { errorMessage } from '../data/errors'
import { useApiQuery } from '../data/hooks'
import { INLINE } from '../data/meta'
import { useDebounced } from '../lib/useDebounced'
import { useRestoreFocus } from '../lib/useRestoreFocus'
import { usePersistentState } from '../lib/persist'

const FORMAT_LABELS: Record<ExportFormat, string> = {
  md: 'Markdown (footnoted)',
  csv: 'CSV (one row per citation)',
  json: 'JSON',
  timelinejs: 'TimelineJS',
  csl: 'CSL-JSON (bibliography)',
  ftm: 'FollowTheMoney (Aleph; whole archive)'
}

interface Props {
  chronologyId: number | null
  onClose(): void
}

/** Saves through the desktop's save dialog, or downloads in the browser. */
async function deliver(result: ExportResult): Promise<string> {
  if (host.kind === 'electron') {
    const where = await host.saveFile({ suggestedName: result.filename, content: result.content, mediaType: result.mediaType })
    return where ? `Saved to ${where}` : 'Not saved'
  }
  const url = URL.createObjectURL(new Blob([result.content], { type: result.mediaType }))
  const a = document.createElement('a')
  a.href = url
  a.download = result.filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return `Downloaded ${result.filename}`
}

/** Export: format, options and a live preview of exactly what will be saved. */
export function ExportDialog({ chronologyId, onClose }: Props): React.JSX.Element {
  const [format, setFormat] = usePersistentState<ExportFormat>('export.format', 'md')
  const [group, setGroup] = usePersistentState<ExportGrouping>('export.group', 'month')
  const [quotes, setQuotes] = usePersistentState('export.quotes', true)
  const [bibliography, setBibliography] = usePersistentState('export.bibliography', false)
  const [links, setLinks] = usePersistentState('export.links', false)
  const [bothSides, setBothSides] = usePersistentState('export.bothSides', true)
  const [formulaGuard, setFormulaGuard] = usePersistentState('export.formulaGuard', true)
  const [bom, setBom] = usePersistentState('export.bom', false)
  const [statuses, setStatuses] = usePersistentState<ClaimStatus[]>('export.statuses', [...CLAIM_STATUSES])
  const [title, setTitle] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [status, setStatus] = useState('')
  const dialog = useRef<HTMLDivElement>(null)
  useRestoreFocus()

  const options: ExportOptions = {
    ...(chronologyId !== null ? { chronologyId } : {}),
    ...(title.trim() ? { title: title.trim() } : {}),
    ...(from.trim() ? { from: from.trim() } : {}),
    ...(to.trim() ? { to: to.trim() } : {}),
    group,
    quotes,
    bibliography,
    links,
    bothSides,
    ...(statuses.length < CLAIM_STATUSES.length ? { statuses } : {}),
    ...(format === 'csv' ? { formulaGuard, bom } : {})
  }
  // Typing in a field re-renders the preview once the typing pauses, not on every key.
  const asked = useDebounced({ format, options }, 150)
  const rendered = useApiQuery('exportChronology', asked, { placeholderData: keepPreviousData, meta: INLINE })
  const preview = rendered.data ?? null
  const error = rendered.error ? errorMessage(rendered.error) : null

  useEffect(() => dialog.current?.querySelector<HTMLElement>('select, input')?.focus(), [])

  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        ref={dialog}
        className="modal export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            onClose()
          }
        }}
      >
        <div className="modal-head">
          <h2 id="export-title">Export chronology</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close export">
            <X />
          </button>
        </div>
        <div className="export-grid">
          <form className="export-options" onSubmit={(e) => e.preventDefault()}>
            <label>
              Format
              <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
                {EXPORT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {FORMAT_LABELS[f]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Title
              <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="the chronology's name" />
            </label>
            <label>
              Group by
              <select value={group} onChange={(e) => setGroup(e.target.value as ExportGrouping)}>
                <option value="month">year and month</option>
                <option value="year">year</option>
                <option value="none">nothing</option>
              </select>
            </label>
            <label>
              From <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder="2023-10" />
            </label>
            <label>
              To <input value={to} onChange={(e) => setTo(e.target.value)} placeholder="2023-11-30" />
            </label>
            <fieldset>
              <legend>Statuses</legend>
              {CLAIM_STATUSES.map((s) => (
                <label key={s} className="check">
                  <input
                    type="checkbox"
                    checked={statuses.includes(s)}
                    onChange={(e) => setStatuses(e.target.checked ? [...statuses, s] : statuses.filter((x) => x !== s))}
                  />
                  {s}
                </label>
              ))}
            </fieldset>
            <label className="check">
              <input type="checkbox" checked={quotes} onChange={(e) => setQuotes(e.target.checked)} /> Quote cited passages
            </label>
            <label className="check">
              <input type="checkbox" checked={bothSides} onChange={(e) => setBothSides(e.target.checked)} /> Show both sides of disputes
            </label>
            <label className="check">
              <input type="checkbox" checked={bibliography} onChange={(e) => setBibliography(e.target.checked)} /> List of sources at the end
            </label>
            <label className="check">
              <input type="checkbox" checked={links} onChange={(e) => setLinks(e.target.checked)} /> annalist:// links
            </label>
            {format === 'csv' && (
              <>
                <label className="check">
                  <input type="checkbox" checked={formulaGuard} onChange={(e) => setFormulaGuard(e.target.checked)} /> Keep spreadsheets from running
                  cells as formulas
                </label>
                <label className="check">
                  <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> Byte-order mark (for Excel)
                </label>
              </>
            )}
          </form>
          <div className="export-preview">
            <div className="preview-head">
              <span>Preview{preview ? ` — ${preview.filename}` : ''}</span>
            </div>
            {error ? (
              <p className="form-error" role="alert">
                {error}
              </p>
            ) : (
              <pre data-testid="export-preview" tabIndex={0} aria-label="Export preview">
                {preview?.content ?? 'Rendering…'}
              </pre>
            )}
          </div>
        </div>
        <div className="form-actions">
          <span role="status" className="muted">
            {status}
          </span>
          <button
            type="button"
            className="primary"
            disabled={!preview}
            onClick={() => {
              if (preview) void deliver(preview).then(setStatus, (err: unknown) => setStatus(String(err)))
            }}
          >
            {host.kind === 'electron' ? 'Save…' : 'Download'}
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
