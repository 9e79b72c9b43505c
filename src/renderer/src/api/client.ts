/**
 * The renderer's one way to the backend. In Electron the preload has put `window.annalist` in
 * place; in browser mode the same contract is generated over HTTP with the token from the URL.
 */
import type { AnnalistClient } from '../../../shared/api'
import type { DesktopHost } from '../../../shared/host'
import { ALWAYS_ONLINE, type Connection } from './connection'
import { createHttpClient } from './transport'

/** Electron's host bridge, or nothing beyond the contract in a plain browser. */
export type HostBridge = DesktopHost | { kind: 'browser' }

declare global {
  interface Window {
    annalist?: AnnalistClient
    annalistHost?: DesktopHost
  }
}

const TOKEN_KEY = 'annalist.token'

function readToken(): string {
  const match = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash)
  if (match) {
    const token = decodeURIComponent(match[1]!)
    sessionStorage.setItem(TOKEN_KEY, token)
    // Keep the token out of screenshots, history and copied links.
    history.replaceState(null, '', window.location.pathname + window.location.search)
    return token
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

/** Makes `token` this tab's token and starts over with it (the token screen's "use this URL"). */
export function switchToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token)
  window.location.reload()
}

const transport: { client: AnnalistClient; connection: Connection } = window.annalist
  ? { client: window.annalist, connection: ALWAYS_ONLINE }
  : createHttpClient(readToken())

/** The API client for this window, whichever transport is behind it. */
export const api: AnnalistClient = transport.client

/** Whether this window reaches its backend (always, in Electron). */
export const connection: Connection = transport.connection

/** What the host can do beyond the contract (drop paths, dialogs, menu in Electron). */
export const host: HostBridge = window.annalistHost ?? { kind: 'browser' }
