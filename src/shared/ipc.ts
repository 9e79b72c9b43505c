/** IPC channel names, shared by main and preload so neither spells them by hand. */
import type { ApiEvent, ApiMethod } from './api'

/** Channel a method is invoked on. */
export function methodChannel(method: ApiMethod): string {
  return `annalist:call:${method}`
}

/** Channel an event is pushed on. */
export function eventChannel(event: ApiEvent): string {
  return `annalist:event:${event}`
}
