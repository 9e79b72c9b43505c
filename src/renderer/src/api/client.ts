/**
 * The renderer's one way to the backend. In Electron the preload has put `window.annalist` in
 * place; in browser mode the same contract is generated over HTTP with the token from the URL.
 */
import type { AnnalistClient } from '../../../shared/api'
import { buildClient } from '../../../shared/client'
import type { Envelope } from '../../../shared/envelope'
import type { DesktopHost } from '../../../shared/host'
import { fromWire, toWire } from '../../../shared/wire'

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

function httpClient(): AnnalistClient {
  const token = readToken()
  let source: EventSource | null = null
  const listeners = new Map<string, Set<(payload: never) => void>>()
  const ensureSource = (): EventSource => {
    if (source) return source
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
    return source
  }
  return buildClient(
    async (method, arg) => {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-annalist-token': token },
        body: toWire(arg)
      })
      const text = await res.text()
      try {
        return fromWire(text) as Envelope<unknown>
      } catch {
        return { ok: false, error: { code: 'internal', message: `HTTP ${res.status}: ${text.slice(0, 200)}` } }
      }
    },
    (event, listener) => {
      const es = ensureSource()
      let set = listeners.get(event)
      if (!set) {
        set = new Set()
        listeners.set(event, set)
        es.addEventListener(event, (e) => {
          const payload = fromWire((e as MessageEvent<string>).data) as never
          for (const l of listeners.get(event) ?? []) l(payload)
        })
      }
      set.add(listener as (payload: never) => void)
      return () => set.delete(listener as (payload: never) => void)
    }
  )
}

/** The API client for this window, whichever transport is behind it. */
export const api: AnnalistClient = window.annalist ?? httpClient()

/** What the host can do beyond the contract (drop paths, dialogs, menu in Electron). */
export const host: HostBridge = window.annalistHost ?? { kind: 'browser' }
