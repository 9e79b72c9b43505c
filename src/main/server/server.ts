import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { API_EVENTS } from '../../shared/api'
import { AnnalistError } from '../../shared/errors'
import type { Envelope } from '../../shared/envelope'
import { fromWire, toWire } from '../../shared/wire'
import type { Backend } from '../backend'
import { CONTENT_SECURITY_POLICY } from '../security/csp'
import { loadStatic } from './static'

export const TOKEN_HEADER = 'x-annalist-token'
/** Largest request body accepted; a dropped file batch bigger than this must be split. */
export const MAX_BODY_BYTES = 96 * 1024 * 1024

export interface ServerOptions {
  backend: Backend
  /** Built renderer (out/renderer). */
  rendererDir: string
  port?: number
  token?: string
  maxBodyBytes?: number
}

export interface RunningServer {
  url: string
  /** URL with the token in the fragment: what the user opens. */
  openUrl: string
  token: string
  port: number
  close(): Promise<void>
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  const body = toWire(envelope)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(body)
}

function fail(res: ServerResponse, status: number, err: AnnalistError): void {
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

/**
 * Browser mode: the built renderer plus the API contract as JSON over HTTP on 127.0.0.1, with
 * server-sent events for progress. Every API call needs the per-run token; requests naming a
 * foreign Host or Origin are refused so a web page cannot reach the API through DNS rebinding.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES
  const { backend } = options
  let port = 0
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`]
  const streams = new Set<ServerResponse>()
  const unsubscribers = API_EVENTS.map((event) =>
    backend.on(event, (payload) => {
      const frame = `event: ${event}\ndata: ${toWire(payload)}\n\n`
      for (const s of streams) s.write(frame)
    })
  )

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = req.headers.host ?? ''
    if (!allowedHosts().includes(host)) {
      fail(res, 403, new AnnalistError('unauthorized', `host "${host}" is not this server`))
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) {
      fail(res, 403, new AnnalistError('unauthorized', `origin "${origin}" may not call this server`))
      return
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    if (url.pathname.startsWith('/api/')) {
      const given = (req.headers[TOKEN_HEADER] as string | undefined) ?? url.searchParams.get('token') ?? undefined
      if (!sameToken(given, token)) {
        fail(res, 401, new AnnalistError('unauthorized', 'missing or wrong API token'))
        return
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive'
        })
        res.write(': connected\n\n')
        streams.add(res)
        req.on('close', () => streams.delete(res))
        return
      }
      if (req.method !== 'POST') {
        fail(res, 405, new AnnalistError('invalid-argument', 'API calls are POST'))
        return
      }
      const method = url.pathname.slice('/api/'.length)
      let arg: unknown
      try {
        const body = await readBody(req, limit)
        arg = body.length ? fromWire(body.toString('utf8')) : {}
      } catch (err) {
        if (err instanceof AnnalistError) {
          res.setHeader('connection', 'close')
          fail(res, 413, err)
        }
        else fail(res, 400, new AnnalistError('invalid-argument', 'request body is not valid JSON'))
        return
      }
      const envelope = await backend.invoke(method, arg)
      sendEnvelope(res, 200, envelope)
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
      if (!res.headersSent) fail(res, 500, new AnnalistError('internal', (err as Error).message))
      else res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}/`
  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    port,
    async close() {
      for (const u of unsubscribers) u()
      for (const s of streams) s.end()
      streams.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
