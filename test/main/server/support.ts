import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createBackend, type Backend } from '../../../src/main/backend'
import { startServer, type RunningServer, type ServerOptions } from '../../../src/main/server/server'
import { TOKEN_HEADER } from '../../../src/shared/http-api'
import { toWire } from '../../../src/shared/wire'
import { tempArchive, tempDir } from '../../support/tmp'

let running: RunningServer[] = []
afterEach(async () => {
  for (const s of running) await s.close()
  running = []
})

export interface Started extends RunningServer {
  backend: Backend
}

/** A browser-mode server over a fresh archive (and its own recent-archives file), closed after the test. */
export async function start(options: Partial<Omit<ServerOptions, 'backend' | 'rendererDir'>> = {}): Promise<Started> {
  const rendererDir = tempDir()
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Annalist</title>')
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  const backend = createBackend(tempArchive(), { recentArchivesFile: join(tempDir(), 'recent-archives.json') })
  const server = await startServer({ backend, rendererDir, ...options })
  running.push(server)
  return { ...server, backend }
}

export interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export function raw(
  port: number,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array }
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    if (init.body) req.write(init.body)
    req.end()
  })
}

/** One API call with the token in its header. */
export function call(s: RunningServer, method: string, arg: unknown, headers: Record<string, string> = {}): Promise<Raw> {
  return raw(s.port, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: s.token, ...headers },
    body: toWire(arg)
  })
}
