import { MutationCache, onlineManager, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import type { AnnalistClient } from '../../../shared/api'
import { ALWAYS_ONLINE, isConnectionLost, type Connection } from '../api/connection'
import { ApiContext, ConnectionContext, ProblemsContext } from './context'
import { followBackend } from './invalidation'
import type { DataMeta } from './meta'
import { createProblems, type Problems } from './problems'

/**
 * A query cache whose failed calls go to the problem bar unless their view shows them in place.
 * A read that failed because the connection was lost is not a failure to show: it waits
 * (paused, as TanStack Query pauses while offline) and runs again when the connection is back.
 * A write is never resent on its own (it may have been done before its answer was lost): it
 * fails with the connection-lost message, and writes started while the connection is known lost
 * wait, paused, and go out when it is back.
 */
export function createQueryClient(problems: Problems): QueryClient {
  const report = (err: unknown, meta: DataMeta | undefined): void => {
    if (!meta?.inline) problems.report(err)
  }
  return new QueryClient({
    queryCache: new QueryCache({ onError: (err, query) => (isConnectionLost(err) ? undefined : report(err, query.meta)) }),
    mutationCache: new MutationCache({ onError: (err, _vars, _ctx, mutation) => report(err, mutation.meta) }),
    defaultOptions: {
      // Answers stay fresh until a change event says otherwise: the backend is local and tells us.
      queries: { staleTime: Infinity, retry: (_count, err) => isConnectionLost(err), retryDelay: 0, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false }
    }
  })
}

/** Settles once every write still running or waiting to go out has been answered (or failed). */
function writesSettled(qc: QueryClient): Promise<unknown> {
  const pending = qc.getMutationCache().getAll().filter((m) => m.state.status === 'pending')
  // `continue` sends a paused write and, for one already running, returns its outcome.
  return Promise.all(pending.map((m) => m.continue().catch(() => undefined)))
}

interface Props {
  client: AnnalistClient
  children: ReactNode
  /** Tests pass their own to look into the cache. */
  queryClient?: QueryClient
  problems?: Problems
  /** Whether the client reaches its backend (browser mode); always online when absent. */
  connection?: Connection
}

/**
 * Drives TanStack Query's online state from `connection`, and asks everything on screen again on
 * reconnecting (change events were missed meanwhile) and once the changes that waited are saved.
 */
function followConnection(connection: Connection, qc: QueryClient): () => void {
  let wasLost = connection.get().kind === 'lost'
  onlineManager.setEventListener((setOnline) => {
    const update = (): void => setOnline(connection.get().kind !== 'lost')
    update()
    return connection.subscribe(update)
  })
  const stop = connection.subscribe(() => {
    const lost = connection.get().kind === 'lost'
    if (wasLost && !lost) {
      void qc.invalidateQueries()
      // And again once the changes that waited are saved: their change events may go out before
      // the event stream is back, and the reads just asked may be answered before them.
      void writesSettled(qc).then(() => qc.invalidateQueries())
    }
    wasLost = lost
  })
  return () => {
    stop()
    onlineManager.setEventListener(() => undefined)
    onlineManager.setOnline(true)
  }
}

/** The renderer's data layer: the API client, the query cache and the problem bar's store. */
export function DataProvider({ client, children, queryClient, problems, connection = ALWAYS_ONLINE }: Props): React.JSX.Element {
  const [store] = useState(() => problems ?? createProblems())
  const [qc] = useState(() => queryClient ?? createQueryClient(store))
  useEffect(() => followBackend(client, qc), [client, qc])
  useEffect(() => followConnection(connection, qc), [connection, qc])
  return (
    <ApiContext.Provider value={client}>
      <ConnectionContext.Provider value={connection}>
        <ProblemsContext.Provider value={store}>
          <QueryClientProvider client={qc}>{children}</QueryClientProvider>
        </ProblemsContext.Provider>
      </ConnectionContext.Provider>
    </ApiContext.Provider>
  )
}
