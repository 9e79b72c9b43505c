/**
 * The contract table: every API method once, with its argument schema, result type, access and
 * path fields. The TypeScript interface (`AnnalistApi` in api.ts), the method list the transports
 * are generated from, argument validation, read/write routing and path grants all derive from it.
 */
import type * as z from 'zod/mini'
import { archiveMethods } from './archive'
import { articleMethods } from './articles'
import { chronologyMethods } from './chronology'
import { entityMethods } from './entities'
import { exportMethods } from './export'
import { importMethods } from './import'
import type { Access, MethodSpec, Returns } from './method'
import { searchMethods } from './search'

export type { Access, MethodSpec } from './method'

export const CONTRACT = {
  ...archiveMethods,
  ...importMethods,
  ...articleMethods,
  ...searchMethods,
  ...chronologyMethods,
  ...entityMethods,
  ...exportMethods
} satisfies Record<string, MethodSpec>

export type Contract = typeof CONTRACT
export type ApiMethod = keyof Contract

/** What a caller passes to `method`. */
export type ContractArgs<M extends ApiMethod> = z.input<Contract[M]['args']>
/** What `method` resolves to. */
export type ContractResult<M extends ApiMethod> = Contract[M]['result'] extends Returns<infer R> ? R : never

/** Every method, in one list the transports are generated from. */
export const API_METHODS = Object.keys(CONTRACT) as ApiMethod[]

/** True when `name` is a method of the contract. */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(CONTRACT, name)
}

/** Argument schema per method; main validates with these before any handler runs. */
export const apiArgs = Object.fromEntries(API_METHODS.map((m) => [m, CONTRACT[m].args])) as { [M in ApiMethod]: Contract[M]['args'] }

/** Whether a method changes the archive ('write') or only reads it ('read'). */
export function methodAccess(method: ApiMethod): Access {
  return CONTRACT[method].access
}

/** Access per method, for callers that want the whole map (routing tables). */
export const API_ACCESS = Object.fromEntries(API_METHODS.map((m) => [m, CONTRACT[m].access])) as { [M in ApiMethod]: Contract[M]['access'] }

/** Whether a method is a long read that gets a thread of its own (MethodSpec.long). */
export function isLongRead(method: string): boolean {
  return isApiMethod(method) && (CONTRACT[method] as MethodSpec).long === true
}

/**
 * The filesystem paths a method's argument names (as its `paths` fields declare), or null when
 * the method takes no path at all. Unknown methods take none.
 */
export function pathsInArgument(method: string, arg: unknown): string[] | null {
  if (!isApiMethod(method)) return null
  const fields: readonly string[] | undefined = (CONTRACT[method] as MethodSpec).paths
  if (!fields) return null
  const a = (arg ?? {}) as Record<string, unknown>
  return fields.flatMap((f) => {
    const v = a[f]
    if (typeof v === 'string') return [v]
    return Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string') : []
  })
}
