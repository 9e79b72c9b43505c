/**
 * The window's way to the backend, as the user should understand it: working, lost (the
 * browser-mode server stopped or cannot be reached; retried on its own), or refused (the page's
 * token is missing or wrong). The HTTP transport feeds it; the data layer pauses and resumes
 * calls by it; the banner and the token screen show it. In Electron it never leaves `online`.
 */
import { AnnalistError, type ErrorInfo } from '../../../shared/errors'

export type ConnectionState =
  | { kind: 'online' }
  | { kind: 'lost' }
  /** `tokenGiven` false: the page was opened without a token at all. */
  | { kind: 'unauthorized'; tokenGiven: boolean }

/** What one probe of the server found. */
export type ProbeResult = 'ok' | 'unauthorized' | 'down'

export interface Connection {
  get(): ConnectionState
  subscribe(listener: () => void): () => void
}

export interface ConnectionMonitor extends Connection {
  /** A call could not reach the server: the state becomes lost and probing starts. */
  lost(): void
  /** The server refused the token. Final: a new token needs a new URL, so probing stops. */
  refused(): void
  /** A call got an answer from the server. */
  reached(): void
  /** A hint the server may be gone (the event stream dropped): probes once, now. */
  check(): void
}

/** Waits between probes while lost: quick at first (a restart takes a second), then every few seconds. */
export const PROBE_DELAYS_MS: readonly number[] = [500, 1000, 2000, 4000]

/**
 * The one place a transport failure becomes an error the UI may show: fetch's own TypeError
 * ("Failed to fetch") never leaves the transport.
 */
export function connectionLostError(): ErrorInfo {
  return {
    code: 'connection-lost',
    message:
      'The connection to the Annalist server was lost, so this may not have been done; anything you typed is still here. Try again once the connection is back (the bar at the top says when).'
  }
}

export function isConnectionLost(err: unknown): boolean {
  return err instanceof AnnalistError && err.code === 'connection-lost'
}

const ONLINE: ConnectionState = { kind: 'online' }
export const ALWAYS_ONLINE: Connection = { get: () => ONLINE, subscribe: () => () => undefined }

type Schedule = (fn: () => void, ms: number) => () => void
const schedule: Schedule = (fn, ms) => {
  const t = setTimeout(fn, ms)
  return () => clearTimeout(t)
}

/** A monitor that, once lost, probes with `probe` until the server answers or refuses. */
export function createConnectionMonitor(probe: () => Promise<ProbeResult>, options: { tokenGiven: boolean; schedule?: Schedule }): ConnectionMonitor {
  const later = options.schedule ?? schedule
  let state: ConnectionState = options.tokenGiven ? { kind: 'online' } : { kind: 'unauthorized', tokenGiven: false }
  const listeners = new Set<() => void>()
  let cancel: (() => void) | null = null
  let probing = false
  let attempt = 0
  const set = (next: ConnectionState): void => {
    if (next.kind === state.kind) return
    state = next
    if (next.kind !== 'lost') {
      cancel?.()
      cancel = null
      attempt = 0
    }
    for (const l of [...listeners]) l()
  }
  const runProbe = (): void => {
    if (probing || state.kind === 'unauthorized') return
    probing = true
    void probe()
      .catch((): ProbeResult => 'down')
      .then((result) => {
        probing = false
        if (result === 'ok') set({ kind: 'online' })
        else if (result === 'unauthorized') monitor.refused()
        else monitor.lost()
      })
  }
  const monitor: ConnectionMonitor = {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    lost() {
      if (state.kind === 'unauthorized') return
      set({ kind: 'lost' })
      if (cancel || probing) return
      const wait = PROBE_DELAYS_MS[Math.min(attempt, PROBE_DELAYS_MS.length - 1)]!
      attempt++
      cancel = later(() => {
        cancel = null
        runProbe()
      }, wait)
    },
    refused() {
      set({ kind: 'unauthorized', tokenGiven: options.tokenGiven })
    },
    reached() {
      if (state.kind === 'lost') set({ kind: 'online' })
    },
    check() {
      if (state.kind === 'online') runProbe()
    }
  }
  return monitor
}
