/**
 * The renderer's one way to the backend. In Electron the preload has put `window.annalist` in
 * place; in browser mode the same contract is generated over HTTP with the token from the URL.
 */
import type { AnnalistClient } from '../../../shared/api'
import { buildClient } from '../../../shared/client'
import type { Envelope } from '../../../shared/envelope'
import type { DesktopHost } from '../../../shared/host'
import { EVENTS_PATH, FILE_NAME_HEADER, IMPORT_UPLOADS_PATH, methodPath, TOKEN_HEADER, UPLOAD_PATH, type UploadReceipt } from '../../../shared/http-api'
import type { BlobFile, ImportFailure, ImportReport } from '../../../shared/types'
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
    // EventSource cannot send headers: the event stream is the one request with the token in its URL.
    source = new EventSource(`${EVENTS_PATH}?token=${encodeURIComponent(token)}`)
    return source
  }
  const post = async (path: string, headers: Record<string, string>, body: BodyInit): Promise<Envelope<unknown>> => {
    const res = await fetch(path, { method: 'POST', headers: { [TOKEN_HEADER]: token, ...headers }, body })
    const text = await res.text()
    try {
      return fromWire(text) as Envelope<unknown>
    } catch {
      return { ok: false, error: { code: 'internal', message: `HTTP ${res.status}: ${text.slice(0, 200)}` } }
    }
  }
  const postJson = (path: string, arg: unknown): Promise<Envelope<unknown>> => post(path, { 'content-type': 'application/json' }, toWire(arg))
  // Dropped files go up one by one as raw bytes, which the server streams to disk, and are then
  // imported by upload id: never one huge JSON body the server would have to hold whole.
  const uploadAndImport = async ({ files, batchId }: { files: BlobFile[]; batchId?: string }): Promise<Envelope<unknown>> => {
    const ids: string[] = []
    const refused: ImportFailure[] = []
    for (const file of files) {
      const headers = { 'content-type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(file.name) }
      // Dropped bytes are read from a File's ArrayBuffer (filesToBlobs), never a shared one.
      const sent = await post(UPLOAD_PATH, headers, file.bytes as Uint8Array<ArrayBuffer>)
      if (sent.ok) ids.push((sent.value as UploadReceipt).id)
      else if (sent.error.code === 'payload-too-large') refused.push({ path: file.name, code: 'too-large', message: sent.error.message })
      else return sent
    }
    const imported: Envelope<unknown> = ids.length
      ? await postJson(IMPORT_UPLOADS_PATH, { ids, batchId })
      : { ok: true, value: { batchId: batchId ?? '', added: [], duplicates: [], failed: [], nearDuplicates: [], cleaned: [], skipped: [], passedOver: [], cancelled: false, elapsedMs: 0 } }
    if (imported.ok) (imported.value as ImportReport).failed.push(...refused)
    return imported
  }
  return buildClient(
    (method, arg) => (method === 'importBlobs' ? uploadAndImport(arg as { files: BlobFile[]; batchId?: string }) : postJson(methodPath(method), arg)),
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
