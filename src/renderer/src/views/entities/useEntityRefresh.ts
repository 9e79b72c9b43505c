import { useCallback, useEffect, useRef, useState } from 'react'
import type { EntityExtractionProgress } from '../../../../shared/entities'
import { useApi } from '../../data/context'
import { useApiMutation, useApiQuery } from '../../data/hooks'

export interface EntityRefresh {
  /** Articles whose names an earlier version of Annalist found (0 when all are up to date). */
  stale: number
  /** The extraction running in this archive, started here or in another window of the same backend. */
  running: EntityExtractionProgress | null
  /** How the last run started here ended, when it did not finish. */
  ended: EntityExtractionProgress | null
  /** Finds names again in the stale articles only. */
  start(): void
  stop(): void
}

/**
 * Finding names again in the articles an earlier version's rules read. The job runs on the
 * backend and reports `entitiesProgress`; every window follows whichever job is running, so one
 * started in another window shows here too. The data layer refreshes the entity answers and the
 * stale count when a job stops.
 */
export function useEntityRefresh(): EntityRefresh {
  const api = useApi()
  const info = useApiQuery('getArchiveInfo', {})
  // The count read before a job ended is not shown once it has: the data layer asks again.
  const [endedAt, setEndedAt] = useState(0)
  const stale = info.dataUpdatedAt > endedAt ? (info.data?.staleEntityArticles ?? 0) : 0
  const { run: extract } = useApiMutation('extractEntities')
  const { run: cancel } = useApiMutation('cancelEntityExtraction')
  const [running, setRunning] = useState<EntityExtractionProgress | null>(null)
  const [ended, setEnded] = useState<EntityExtractionProgress | null>(null)
  const ours = useRef<string | null>(null)

  useEffect(
    () =>
      api.onEntitiesProgress((p) => {
        setRunning(p.state === 'running' ? p : null)
        if (p.state !== 'running') setEndedAt(Date.now())
        if (p.jobId === ours.current && p.state !== 'running') {
          ours.current = null
          setEnded(p.state === 'done' ? null : p)
        }
      }),
    [api]
  )

  const start = useCallback(() => {
    if (ours.current) return
    const jobId = crypto.randomUUID()
    ours.current = jobId
    setEnded(null)
    void extract({ jobId, stale: true }).then((end) => {
      // A refusal (another job running, a read-only archive) reaches the problem bar and sends no progress.
      if (end === undefined && ours.current === jobId) ours.current = null
    })
  }, [extract])

  const stop = useCallback(() => {
    if (running) void cancel({ jobId: running.jobId })
  }, [cancel, running])

  return { stale, running, ended, start, stop }
}
