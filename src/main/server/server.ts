import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as z from 'zod/mini'
import { AnnalistError, type ErrorCode } from '../../shared/errors'
import type { Envelope } from '../../shared/envelope'
import { EVENTS_PATH, FILE_NAME_HEADER, IMPORT_UPLOADS_PATH, TOKEN_HEADER, UPLOAD_PATH } from '../../shared/http-api'
import { batchId, fileName, list, text } from '../../shared/contract/schemas'
import { fromWire, toWire } from '../../shared/wire'
import type { BackendService } from '../host/service'
import { CONTENT_SECURITY_POLICY } from '../security/csp'
import { EventStreams } from './events'
import { BrowserGrants } from './grants'
import { loadStatic } from './static'
import { DEFAULT_UPLOAD_LIMITS, Uploads, type UploadLimits } from './uploads'

// Taken as the CommonJS module: an ES import of node:http builds its namespace, which reads
// every export, and the lazy ones (fetch, WebSocket) load undici: 50–80 ms before the backend
// threads could start, at each `annalist serve`.
const { createServer } = process.getBuiltinModule('node:http')

/** Largest JSON call body (an article's whole text, edited, fits); files travel as uploads. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024

export interface ServerOptions {
  backend: BackendService
  /** Built renderer (out/renderer). */
  rendererDir: string
  port?: number
  token?: string
  maxBodyBytes?: number
  /** Files and folders the page may name in calls (`annalist serve --allow`); see BrowserGrants. */
  allow?: readonly string[]
  /** Where the server makes its own folder for uploads (default: the system temp folder). */
  uploadRoot?: string
  uploadLimits?: Partial<UploadLimits>
  maxEventStreams?: number
}

export interface RunningServer {
  url: string
  /** URL with the token in the fragment: what the user opens. */
  openUrl: string
  token: string
  port: number
  /** The folder uploads are written to while they wait for their import. */
  uploadDir: string
  close(): Promise<void>
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  'invalid-argument': 400,
  unauthorized: 401,
  'forbidden-path': 403,
  'not-found': 404,
  'payload-too-large': 413,
  'too-many-requests': 429
}

// zod/mini like the contract: the full zod cost the serving thread 37 ms more to load.
const importUploadsArgs = z.strictObject({ ids: list(text(1, 64), 1, 10_000), batchId: z.optional(batchId) })

/** A fresh API token: 24 random bytes, URL-safe. */
export function newApiToken(): string {
  return randomBytes(24).toString('base64url')
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  sendWire(res, status, toWire(envelope))
}

/** Sends an envelope already written as wire text. */
function sendWire(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(body)
}

function fail(res: ServerResponse, err: AnnalistError, status = STATUS[err.code] ?? 500): void {
  // A body refused part-way is not read to its end: the connection cannot carry another request.
  if (err.code === 'payload-too-large') res.setHeader('connection', 'close')
  sendEnvelope(res, status, { ok: false, error: err.toInfo() })
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      reject(new AnnalistError('payload-too-large', `request body of ${declared} bytes exceeds ${limit}`))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size > limit) {
        // Keep draining (and discarding) so the client can read the 413 instead of a reset.
        over = true
        chunks.length = 0
        reject(new AnnalistError('payload-too-large', `request body exceeds ${limit} bytes`))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks))
    })
    req.on('error', reject)
  })
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit)
  try {
    return body.length ? fromWire(body.toString('utf8')) : {}
  } catch {
    throw new AnnalistError('invalid-argument', 'request body is not valid JSON')
  }
}

function uploadName(req: IncomingMessage): string {
  const raw = req.headers[FILE_NAME_HEADER]
  let name: string | undefined
  try {
    name = typeof raw === 'string' ? decodeURIComponent(raw) : undefined
  } catch {
    name = undefined
  }
  const parsed = fileName.safeParse(name)
  if (!parsed.success) throw new AnnalistError('invalid-argument', `an upload needs its file name, URI-encoded, in the ${FILE_NAME_HEADER} header`)
  return parsed.data
}

/**
 * Browser mode: the built renderer plus the API contract as JSON over HTTP on 127.0.0.1, with
 * server-sent events for progress. Every API call needs the token (`annalist serve` keeps one per archive, see serve-memory.ts) in a header (never in
 * the URL, where it would land in logs and history; only the event stream, which EventSource
 * opens without headers, takes it as `?token=`). Requests naming a foreign Host or Origin are
 * refused so a web page cannot reach the API through DNS rebinding. Paths in calls must be
 * granted (BrowserGrants); dropped files arrive as streamed uploads.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newApiToken()
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES
  const { backend } = options
  let port = 0
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`]
  const streams = new EventStreams(backend, options.maxEventStreams)
  const grants = new BrowserGrants(backend, options.allow ?? [])
  const uploads = new Uploads(options.uploadRoot, { ...DEFAULT_UPLOAD_LIMITS, ...options.uploadLimits })

  const importUploads = async (req: IncomingMessage): Promise<Envelope<unknown>> => {
    const parsed = importUploadsArgs.safeParse(await readJson(req, limit))
    if (!parsed.success) throw new AnnalistError('invalid-argument', `upload import: ${parsed.error.issues[0]?.message ?? 'invalid argument'}`)
    // The server wrote these files itself, so they need no grant: the page only knows their ids.
    const files = uploads.take(parsed.data.ids)
    try {
      return await backend.importUploads(
        files.map(({ name, path }) => ({ name, path })),
        parsed.data.batchId
      )
    } finally {
      await uploads.discard(files)
    }
  }

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const isEvents = url.pathname === EVENTS_PATH && req.method === 'GET'
    const header = req.headers[TOKEN_HEADER]
    const given = typeof header === 'string' ? header : isEvents ? (url.searchParams.get('token') ?? undefined) : undefined
    if (!sameToken(given, token)) {
      const where = url.searchParams.has('token') ? `; the token goes in the ${TOKEN_HEADER} header, never in the URL` : ''
      return fail(res, new AnnalistError('unauthorized', `missing or wrong API token${where}`))
    }
    if (isEvents) {
      if (!streams.open(res)) {
        fail(res, new AnnalistError('too-many-requests', `${streams.max} event streams are open already: close a tab of the workbench`))
      }
      return
    }
    if (req.method !== 'POST') return fail(res, new AnnalistError('invalid-argument', 'API calls are POST'), 405)
    if (url.pathname === UPLOAD_PATH) return sendEnvelope(res, 200, { ok: true, value: await uploads.receive(req, uploadName(req)) })
    if (url.pathname === IMPORT_UPLOADS_PATH) return sendEnvelope(res, 200, await importUploads(req))
    const method = url.pathname.slice('/api/'.length)
    const arg = await readJson(req, limit)
    const refused = await grants.check(method, arg)
    if (refused) return fail(res, refused)
    sendWire(res, 200, await backend.invokeWire(method, arg))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = req.headers.host ?? ''
    if (!allowedHosts().includes(host)) {
      fail(res, new AnnalistError('unauthorized', `host "${host}" is not this server`), 403)
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) {
      fail(res, new AnnalistError('unauthorized', `origin "${origin}" may not call this server`), 403)
      return
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    if (url.pathname.startsWith('/api/')) {
      try {
        await api(req, res, url)
      } catch (err) {
        if (!(err instanceof AnnalistError)) throw err
        fail(res, err)
      }
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end()
      return
    }
    const file = await loadStatic(options.rendererDir, url.pathname)
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache'
    })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) fail(res, new AnnalistError('internal', (err as Error).message))
      else res.end()
    })
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
    })
  } catch (err) {
    // A taken port (`serve` tries the archive's usual one first) leaves nothing behind: the
    // upload folder was made already, and each such start left an empty one in the temp folder.
    streams.close()
    uploads.close()
    throw err
  }
  port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}/`
  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    port,
    uploadDir: uploads.dir,
    async close() {
      streams.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      uploads.close()
    }
  }
}
