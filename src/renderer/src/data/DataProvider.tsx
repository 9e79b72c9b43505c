import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import type { AnnalistClient } from '../../../shared/api'
import { ApiContext, ProblemsContext } from './context'
import { followBackend } from './invalidation'
import type { DataMeta } from './meta'
import { createProblems, type Problems } from './problems'

/** A query cache whose failed calls go to the problem bar unless their view shows them in place. */
export function createQueryClient(problems: Problems): QueryClient {
  const report = (err: unknown, meta: DataMeta | undefined): void => {
    if (!meta?.inline) problems.report(err)
  }
  return new QueryClient({
    queryCache: new QueryCache({ onError: (err, query) => report(err, query.meta) }),
    mutationCache: new MutationCache({ onError: (err, _vars, _ctx, mutation) => report(err, mutation.meta) }),
    defaultOptions: {
      // Answers stay fresh until a change event says otherwise: the backend is local and tells us.
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false }
    }
  })
}

interface Props {
  client: AnnalistClient
  children: ReactNode
  /** Tests pass their own to look into the cache. */
  queryClient?: QueryClient
  problems?: Problems
}

/** The renderer's data layer: the API client, the query cache and the problem bar's store. */
export function DataProvider({ client, children, queryClient, problems }: Props): React.JSX.Element {
  const [store] = useState(() => problems ?? createProblems())
  const [qc] = useState(() => queryClient ?? createQueryClient(store))
  useEffect(() => followBackend(client, qc), [client, qc])
  return (
    <ApiContext.Provider value={client}>
      <ProblemsContext.Provider value={store}>
        <QueryClientProvider client={qc}>{children}</QueryClientProvider>
      </ProblemsContext.Provider>
    </ApiContext.Provider>
  )
}
