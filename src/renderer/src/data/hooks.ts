/**
 * Reads as cached queries and writes as mutations, both named by API method: the one way views
 * reach the backend. A failed call is reported once, by the cache (see DataProvider).
 */
import { useMutation, useQuery, useQueryClient, type QueryClient, type UseMutationResult, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import type { AnnalistClient, ApiArgs, ApiMethod, ApiResult } from '../../../shared/api'
import { useApi, useProblems } from './context'
import type { DataMeta } from './meta'
import { apiKey, type ApiKey } from './keys'

/** Calls one API method with its argument object. */
export function callApi<M extends ApiMethod>(client: AnnalistClient, method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  return (client[method] as unknown as (a: ApiArgs<M>) => Promise<ApiResult<M>>)(args)
}

export type ApiQueryOptions<M extends ApiMethod, T> = Omit<UseQueryOptions<ApiResult<M>, Error, T, ApiKey<M>>, 'queryKey' | 'queryFn' | 'enabled'>

/** A cached read; `args` null means "nothing to ask yet" (the query waits, data undefined). */
export function useApiQuery<M extends ApiMethod, T = ApiResult<M>>(method: M, args: ApiArgs<M> | null, options?: ApiQueryOptions<M, T>): UseQueryResult<T, Error> {
  const client = useApi()
  // Waiting queries share one key per method that no call has, so they never see a real answer.
  const key = args === null ? ([method, null] as unknown as ApiKey<M>) : apiKey(method, args)
  return useQuery({ ...options, queryKey: key, queryFn: () => callApi(client, method, args!), enabled: args !== null })
}

/** Fetches (or takes from the cache) one read outside rendering, e.g. in an event handler. */
export function fetchApi<M extends ApiMethod>(qc: QueryClient, client: AnnalistClient, method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  return qc.fetchQuery({ queryKey: apiKey(method, args), queryFn: () => callApi(client, method, args) })
}

export type ApiMutation<M extends ApiMethod> = UseMutationResult<ApiResult<M>, Error, ApiArgs<M>> & {
  /** Runs the write; resolves to undefined when it failed (the failure is already reported). */
  run(args: ApiArgs<M>): Promise<ApiResult<M> | undefined>
}

/** A write. The backend's change event refreshes what it touched; `onSuccess` is for what none announces. */
export function useApiMutation<M extends ApiMethod>(method: M, options: { onSuccess?(result: ApiResult<M>, args: ApiArgs<M>): void; meta?: DataMeta } = {}): ApiMutation<M> {
  const client = useApi()
  const mutation = useMutation<ApiResult<M>, Error, ApiArgs<M>>({
    // Keyed by method, so a view can show the state of a write it did not start (BackupStatus).
    mutationKey: [method],
    mutationFn: (args) => callApi(client, method, args),
    ...(options.onSuccess ? { onSuccess: options.onSuccess } : {}),
    ...(options.meta ? { meta: options.meta } : {})
  })
  const { mutateAsync } = mutation
  const run = useCallback((args: ApiArgs<M>) => mutateAsync(args).catch(() => undefined), [mutateAsync])
  return { ...mutation, run }
}

/** The problem bar's message and its dismiss. */
export function useProblem(): [string | null, () => void] {
  const problems = useProblems()
  const message = useSyncExternalStore(problems.subscribe, problems.get)
  return [message, problems.dismiss]
}

/** Reports an error to the problem bar (for failures that are not API calls, and refusals). */
export function useReport(): (err: unknown) => void {
  return useProblems().report
}

export { useQueryClient }
