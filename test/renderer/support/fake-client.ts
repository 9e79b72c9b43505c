/**
 * A fake AnnalistClient for renderer hook tests: answers from per-method handlers, records every
 * call in order, and lets a test push the backend's events. No backend, no transport.
 */
import type { AnnalistClient, AnnalistEvents, ApiArgs, ApiEvent, ApiMethod, ApiResult } from '../../../src/shared/api'

export type Handlers = { [M in ApiMethod]?: (args: ApiArgs<M>) => ApiResult<M> | Promise<ApiResult<M>> }

export interface Call {
  method: ApiMethod
  args: unknown
}

export interface FakeClient {
  client: AnnalistClient
  calls: Call[]
  /** Calls of one method, their arguments in order. */
  callsOf<M extends ApiMethod>(method: M): ApiArgs<M>[]
  emit<E extends ApiEvent>(event: E, payload: AnnalistEvents[E]): void
}

export function fakeClient(handlers: Handlers): FakeClient {
  const calls: Call[] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const subscribe = (event: string) => (listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    set.add(listener)
    return () => set.delete(listener)
  }
  const client = new Proxy({} as AnnalistClient, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined
      const on = /^on([A-Z]\w*)$/.exec(name)
      if (on) return subscribe(on[1]!.charAt(0).toLowerCase() + on[1]!.slice(1))
      return async (args: unknown) => {
        calls.push({ method: name as ApiMethod, args })
        const handler = handlers[name as ApiMethod] as ((a: unknown) => unknown) | undefined
        if (!handler) throw new Error(`fake client: no answer for ${name}`)
        return handler(args)
      }
    }
  })
  return {
    client,
    calls,
    callsOf: <M extends ApiMethod>(method: M) => calls.filter((c) => c.method === method).map((c) => c.args as ApiArgs<M>),
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload)
    }
  }
}

/** A promise the test settles by hand, to order answers. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
