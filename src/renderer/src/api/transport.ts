/**
 * The contract over HTTP for browser mode: one POST per call with the token in a header, and the
 * server's event stream. Every failure to reach the server becomes a `connection-lost` envelope
 * here (and tells the connection monitor), and a refused token tells it too, so no raw fetch
 * error or unhandled rejection gets past this file.
 */
import type { AnnalistClient } from '../../../shared/api'
import { buildClient } from '../../../shared/client'
import type { Envelope } from '../../../shared/envelope'
import { EVENTS_PATH, FILE_NAME_HEADER, IMPORT_UPLOADS_PATH, methodPath, TOKEN_HEADER, UPLOAD_PATH, type UploadReceipt } from '../../../shared/http-api'
import type { BlobFile, ImportFailure, ImportReport } from '../../../shared/types'
import { fromWire, toWire } from '../../../shared/wire'
import { connectionLostError, createConnectionMonitor, type ConnectionMonitor, type ProbeResult } from './connection'

export interface HttpClient {
  client: AnnalistClient
  connection: ConnectionMonitor
}

/** The HTTP client for `token` ('' when the page was opened without one). */
export function createHttpClient(token: string): HttpClient {
  const probe = async (): Promise<ProbeResult> => {
    try {
      const res = await fetch(methodPath('getArchiveInfo'), { method: 'POST', headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' }, body: '{}' })
      await res.body?.cancel()
      return res.status === 401 ? 'unauthorized' : 'ok'
    } catch {
      return 'down'
    }
  }
  const connection = createConnectionMonitor(probe, { tokenGiven: token !== '' })

  const post = async (path: string, headers: Record<string, string>, body: BodyInit): Promise<Envelope<unknown>> => {
    let res: Response
    let text: string
    try {
      res = await fetch(path, { method: 'POST', headers: { [TOKEN_HEADER]: token, ...headers }, body })
      text = await res.text()
    } catch {
      connection.lost()
      return { ok: false, error: connectionLostError() }
    }
    if (res.status === 401) connection.refused()
    else connection.reached()
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
      : { ok: true, value: { batchId: batchId ?? '', added: [], duplicates: [], failed: [], nearDuplicates: [], cleaned: [], skipped: [], cancelled: false, elapsedMs: 0 } }
    if (imported.ok) (imported.value as ImportReport).failed.push(...refused)
    return imported
  }

  // One event stream for the window; reopened when the connection comes back, since a stream
  // the server refused or that gave up stays closed.
  let source: EventSource | null = null
  const listeners = new Map<string, Set<(payload: never) => void>>()
  const listen = (es: EventSource, event: string): void => {
    es.addEventListener(event, (e) => {
      const payload = fromWire((e as MessageEvent<string>).data) as never
      for (const l of listeners.get(event) ?? []) l(payload)
    })
  }
  const openSource = (): EventSource => {
    // EventSource cannot send headers: the event stream is the one request with the token in its URL.
    const es = new EventSource(`${EVENTS_PATH}?token=${encodeURIComponent(token)}`)
    es.addEventListener('error', () => connection.check())
    for (const event of listeners.keys()) listen(es, event)
    return es
  }
  connection.subscribe(() => {
    if (connection.get().kind !== 'online' || !source || source.readyState === EventSource.OPEN) return
    source.close()
    source = openSource()
  })

  const client = buildClient(
    (method, arg) => (method === 'importBlobs' ? uploadAndImport(arg as { files: BlobFile[]; batchId?: string }) : postJson(methodPath(method), arg)),
    (event, listener) => {
      source ??= openSource()
      let set = listeners.get(event)
      if (!set) {
        set = new Set()
        listeners.set(event, set)
        listen(source, event)
      }
      set.add(listener as (payload: never) => void)
      return () => set.delete(listener as (payload: never) => void)
    }
  )
  return { client, connection }
}
