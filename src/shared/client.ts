/**
 * Builds an AnnalistClient from one `call` function and one `subscribe` function. Both the
 * preload (IPC) and the browser-mode HTTP client are generated here from the method list.
 */
import {
  API_EVENTS,
  API_METHODS,
  subscriptionName,
  type AnnalistClient,
  type AnnalistEvents,
  type ApiEvent,
  type ApiMethod
} from './api'
import type { Envelope } from './envelope'
import { fromErrorInfo } from './errors'

export type Caller = (method: ApiMethod, arg: unknown) => Promise<Envelope<unknown>>
export type Subscriber = <E extends ApiEvent>(event: E, listener: (payload: AnnalistEvents[E]) => void) => () => void

/** Unwraps an envelope, throwing a typed AnnalistError on failure. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw fromErrorInfo(envelope.error)
}

/** A client with one function per API method and one `onX` per event. */
export function buildClient(call: Caller, subscribe: Subscriber): AnnalistClient {
  const client: Record<string, unknown> = {}
  for (const method of API_METHODS) {
    client[method] = async (arg?: unknown) => unwrap(await call(method, arg ?? {}))
  }
  for (const event of API_EVENTS) {
    client[subscriptionName(event)] = (listener: (payload: unknown) => void) => subscribe(event, listener)
  }
  return client as unknown as AnnalistClient
}
