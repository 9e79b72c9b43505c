/**
 * The one contract between UI and backend, derived from the table in ./contract (add a method
 * there, in one place). Main implements it (`satisfies AnnalistApi`), the preload and the HTTP
 * client are generated from API_METHODS and API_EVENTS. Every method takes exactly one plain-data
 * argument object and resolves to plain data, so the same call works over Electron IPC and HTTP.
 */
import type { ChronologyChange } from './chronology'
import type { EntityExtractionProgress } from './entities'
import { type ApiMethod, type Contract, type ContractArgs, type ContractResult } from './contract'
import type { ArchiveInfo, ImportProgress } from './types'

export { API_ACCESS, API_METHODS, isApiMethod, isLongRead, methodAccess, type ApiMethod } from './contract'

/** One function per contract method; doc comments come from the table. */
export type AnnalistApi = {
  [M in keyof Contract]: (args: ContractArgs<M>) => Promise<ContractResult<M>>
}

/** Events the backend pushes to the UI. */
export interface AnnalistEvents {
  importProgress: ImportProgress
  chronologyChanged: ChronologyChange
  /** Another archive was opened (File > Open Archive…): everything shown must be reloaded. */
  archiveChanged: ArchiveInfo
  /** An on-demand entity extraction moved on (`extractEntities`); entity answers may be stale once it ends. */
  entitiesProgress: EntityExtractionProgress
}

export type ApiEvent = keyof AnnalistEvents

export const API_EVENTS = ['importProgress', 'chronologyChanged', 'archiveChanged', 'entitiesProgress'] as const satisfies readonly ApiEvent[]

type MissingEvents = Exclude<ApiEvent, (typeof API_EVENTS)[number]>
const eventsComplete: MissingEvents extends never ? true : MissingEvents = true
void eventsComplete

export type ApiArgs<M extends ApiMethod> = ContractArgs<M>
export type ApiResult<M extends ApiMethod> = ContractResult<M>

/** `onImportProgress(cb)` for each event; returns an unsubscribe function. */
export type AnnalistSubscriptions = {
  [E in ApiEvent as `on${Capitalize<E>}`]: (listener: (payload: AnnalistEvents[E]) => void) => () => void
}

/** What the renderer sees as `window.annalist`, whichever transport is behind it. */
export type AnnalistClient = AnnalistApi & AnnalistSubscriptions

/** `importProgress` -> `onImportProgress`. */
export function subscriptionName<E extends ApiEvent>(event: E): `on${Capitalize<E>}` {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as `on${Capitalize<E>}`
}
