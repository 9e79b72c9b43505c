/**
 * Query keys: one per API method and argument object, so every cached answer is named by the
 * call that produced it, and invalidation can pick calls out by method and by argument.
 */
import type { ApiArgs, ApiMethod } from '../../../shared/api'

export type ApiKey<M extends ApiMethod = ApiMethod> = readonly [M, ApiArgs<M>]

export function apiKey<M extends ApiMethod>(method: M, args: ApiArgs<M>): ApiKey<M> {
  return [method, args] as const
}

/** The method and argument object of a key made by apiKey (anything else: undefined). */
export function splitKey(key: readonly unknown[]): { method: string; args: Record<string, unknown> } | undefined {
  const [method, args] = key
  if (typeof method !== 'string' || typeof args !== 'object' || args === null) return undefined
  return { method, args: args as Record<string, unknown> }
}
