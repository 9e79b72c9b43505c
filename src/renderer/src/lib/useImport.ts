import { useCallback, useEffect, useRef, useState } from 'react'
import type { BlobFile, ImportProgress, ImportReport } from '../../../shared/types'
import { useQueryClient } from '@tanstack/react-query'
import { useApi } from '../data/context'
import { errorMessage } from '../data/errors'
import { useApiMutation } from '../data/hooks'
import { importFinished, invalidateArticleLists } from '../data/invalidation'
import { batchBlobs } from './batches'

export interface ImportState {
  running: boolean
  done: number
  total: number
  current: string | null
  /** OCR pages of `current` read so far, while a scan is being read. */
  pages?: ImportProgress['pages']
  report: ImportReport | null
  /** Set while an import this window did not start runs (files opened with the app, another window, the CLI). */
  external: ImportProgress | null
}

export interface Importer {
  state: ImportState
  importBlobs(files: BlobFile[]): Promise<void>
  importPaths(paths: string[]): Promise<void>
  /** Stops the batch in flight between files; what is stored stays, files not yet sent are not sent. */
  cancel(): void
  dismiss(): void
  fail(message: string): void
}

/** An import started elsewhere that sends no progress for this long is taken to have ended. */
const EXTERNAL_QUIET_MS = 4000

function emptyReport(): ImportReport {
  return { batchId: 'ui', added: [], duplicates: [], failed: [], nearDuplicates: [], cleaned: [], skipped: [], passedOver: [], articles: [], cancelled: false, elapsedMs: 0 }
}

function merge(into: ImportReport, r: ImportReport): void {
  into.added.push(...r.added)
  into.duplicates.push(...r.duplicates)
  into.failed.push(...r.failed)
  into.nearDuplicates.push(...r.nearDuplicates)
  into.cleaned.push(...r.cleaned)
  into.skipped.push(...r.skipped)
  into.passedOver.push(...r.passedOver)
  into.articles.push(...r.articles)
  into.cancelled ||= r.cancelled
  into.elapsedMs += r.elapsedMs
}

/**
 * Runs imports for the whole window: one at a time, with progress from the backend's
 * `importProgress` events added up across batches, and one merged summary at the end.
 */
export function useImport(): Importer {
  // Imports are called directly, not as mutations: their failures belong in the import summary,
  // which lists each file with its reason, not in the problem bar.
  const api = useApi()
  const { run: cancelImport } = useApiMutation('cancelImport')
  const qc = useQueryClient()
  const [state, setState] = useState<ImportState>({ running: false, done: 0, total: 0, current: null, report: null, external: null })
  const base = useRef(0)
  const running = useRef(false)
  const cancelled = useRef(false)
  const batchId = useRef<string | null>(null)
  // Every batch this window started: their late progress events are not someone else's import.
  const ours = useRef(new Set<string>())
  const quiet = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(
    () =>
      api.onImportProgress((p) => {
        if (!running.current || p.batchId !== batchId.current) {
          if (running.current || ours.current.has(p.batchId)) return
          // Someone else's import: show it until it is done (the data layer then refreshes the
          // views). A batch that was cancelled never reaches its total, so silence ends it too.
          const finished = importFinished(p)
          const end = (): void => {
            setState((s) => ({ ...s, external: null }))
            if (!finished) void invalidateArticleLists(qc)
          }
          if (quiet.current) clearTimeout(quiet.current)
          if (finished) end()
          else {
            setState((s) => ({ ...s, external: p }))
            quiet.current = setTimeout(end, EXTERNAL_QUIET_MS)
          }
          return
        }
        setState((s) => ({
          ...s,
          done: Math.max(s.done, base.current + p.done),
          total: Math.max(s.total, base.current + p.total),
          current: p.current,
          pages: p.pages
        }))
      }),
    [api, qc]
  )

  const run = useCallback(
    async (total: number, batches: ((id: string) => Promise<ImportReport>)[], sizes: number[]) => {
      if (running.current) return
      running.current = true
      cancelled.current = false
      base.current = 0
      setState({ running: true, done: 0, total, current: null, report: null, external: null })
      const report = emptyReport()
      try {
        for (let i = 0; i < batches.length; i++) {
          if (cancelled.current) {
            report.cancelled = true
            break
          }
          batchId.current = crypto.randomUUID()
          ours.current.add(batchId.current)
          merge(report, await batches[i]!(batchId.current))
          base.current += sizes[i]!
          setState((s) => ({ ...s, done: Math.max(s.done, base.current) }))
        }
      } catch (err) {
        report.failed.push({ path: '(import)', code: 'storage-failed', message: errorMessage(err) })
      } finally {
        running.current = false
        batchId.current = null
        setState((s) => ({ ...s, running: false, current: null, report }))
        // A cancelled or failed batch sends no final progress: what it stored shows now.
        void invalidateArticleLists(qc)
      }
    },
    [qc]
  )

  return {
    state,
    importBlobs: (files) => {
      const batches = batchBlobs(files)
      return run(
        files.length,
        batches.map((b) => (id) => api.importBlobs({ files: b, batchId: id })),
        batches.map((b) => b.length)
      )
    },
    // Folders are walked by the backend, so the total is only known once its progress arrives.
    importPaths: (paths) => run(paths.length, [(id) => api.importFiles({ paths, batchId: id })], [paths.length]),
    cancel: () => {
      cancelled.current = true
      const id = batchId.current ?? state.external?.batchId
      if (id) void cancelImport({ batchId: id })
    },
    dismiss: () => setState((s) => ({ ...s, report: null })),
    fail: (message) =>
      setState((s) => ({ ...s, report: { ...emptyReport(), failed: [{ path: '(drop)', code: 'unreadable', message }] } }))
  }
}
