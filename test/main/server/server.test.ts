import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { startServer, type RunningServer } from '../../../src/main/server/server'
import { fromWire, toWire } from '../../../src/shared/wire'
import { tempArchive, tempDir } from '../../support/tmp'

let server: RunningServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

async function start(maxBodyBytes?: number): Promise<RunningServer> {
  const rendererDir = tempDir()
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Annalist</title>')
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  server = await startServer({ backend: createBackend(tempArchive()), rendererDir, maxBodyBytes })
  return server
}

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function raw(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Raw> {
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

function call(s: RunningServer, method: string, arg: unknown, headers: Record<string, string> = {}): Promise<Raw> {
  return raw(s.port, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-annalist-token': s.token, ...headers },
    body: toWire(arg)
  })
}

describe('browser-mode server', () => {
  it('binds 127.0.0.1 and prints a URL carrying the token in the fragment', async () => {
    const s = await start()
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(s.openUrl).toBe(`${s.url}#token=${s.token}`)
    expect(s.token.length).toBeGreaterThanOrEqual(32)
  })

  it('serves the renderer with a strict CSP and refuses paths outside it', async () => {
    const s = await start()
    const index = await raw(s.port, '/', {})
    expect(index.status).toBe(200)
    expect(index.headers['content-security-policy']).toContain("default-src 'self'")
    expect((await raw(s.port, '/assets/app.js', {})).headers['content-type']).toContain('javascript')
    expect((await raw(s.port, '/../../etc/passwd', {})).status).toBe(404)
    expect((await raw(s.port, '/%2e%2e/%2e%2e/etc/passwd', {})).status).toBe(404)
  })

  it('answers API calls with envelopes', async () => {
    const s = await start()
    const res = await call(s, 'getArchiveInfo', {})
    expect(res.status).toBe(200)
    const envelope = fromWire(res.body) as { ok: boolean; value: { articleCount: number } }
    expect(envelope.ok).toBe(true)
    expect(envelope.value.articleCount).toBe(0)
  })

  it('round-trips bytes through importBlobs', async () => {
    const s = await start()
    const bytes = new TextEncoder().encode('A headline\n\nA body paragraph.')
    const res = await call(s, 'importBlobs', { files: [{ name: 'note.txt', bytes }] })
    const envelope = fromWire(res.body) as { ok: true; value: { added: { title: string }[] } }
    expect(envelope.value.added.map((a) => a.title)).toEqual(['A headline'])
  })

  it('returns typed errors for bad arguments and unknown methods', async () => {
    const s = await start()
    const bad = fromWire((await call(s, 'getArticle', { id: 'x' })).body) as { ok: false; error: { code: string } }
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    const missing = fromWire((await call(s, 'getArticle', { id: 42 })).body) as { ok: false; error: { code: string } }
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const unknown = fromWire((await call(s, 'dropDatabase', {})).body) as { ok: false; error: { code: string } }
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('refuses calls without the token with 401', async () => {
    const s = await start()
    expect((await call(s, 'getArchiveInfo', {}, { 'x-annalist-token': '' })).status).toBe(401)
    expect((await call(s, 'getArchiveInfo', {}, { 'x-annalist-token': 'wrong' })).status).toBe(401)
    expect((await raw(s.port, '/api/events', {})).status).toBe(401)
  })

  it('refuses bodies over the limit with 413', async () => {
    const s = await start(1024)
    const body = toWire({ files: [{ name: 'big.txt', bytes: new Uint8Array(4096) }] })
    const declared = await raw(s.port, '/api/importBlobs', {
      method: 'POST',
      headers: { 'x-annalist-token': s.token, 'content-length': String(Buffer.byteLength(body)) },
      body
    })
    expect(declared.status).toBe(413)
    const chunked = await call(s, 'importBlobs', { files: [{ name: 'big.txt', bytes: new Uint8Array(4096) }] })
    expect(chunked.status).toBe(413)
    expect((fromWire(chunked.body) as { error: { code: string } }).error.code).toBe('payload-too-large')
  })

  it('refuses foreign Host and Origin headers (DNS rebinding)', async () => {
    const s = await start()
    expect((await call(s, 'getArchiveInfo', {}, { host: `evil.example:${s.port}` })).status).toBe(403)
    expect((await call(s, 'getArchiveInfo', {}, { origin: 'http://evil.example' })).status).toBe(403)
    expect((await call(s, 'getArchiveInfo', {}, { origin: `http://127.0.0.1:${s.port}` })).status).toBe(200)
  })

  it('streams import progress as server-sent events', async () => {
    const s = await start()
    const frames: string[] = []
    const done = new Promise<void>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: s.port, path: `/api/events?token=${s.token}` },
        (res) => {
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            frames.push(chunk)
            if (frames.join('').includes('"done":1')) {
              req.destroy()
              resolve()
            }
          })
        }
      )
      req.on('error', (err) => (frames.join('').includes('"done":1') ? resolve() : reject(err)))
      req.end()
    })
    await new Promise((r) => setTimeout(r, 50))
    await call(s, 'importBlobs', { files: [{ name: 'a.txt', bytes: new TextEncoder().encode('T\n\nBody.') }] })
    await done
    expect(frames.join('')).toContain('event: importProgress')
  })

  it('answers 50 concurrent API calls without error', async () => {
    const s = await start()
    const calls = Array.from({ length: 50 }, (_, i) =>
      i % 5 === 0
        ? call(s, 'importBlobs', { files: [{ name: `c${i}.txt`, bytes: new TextEncoder().encode(`Headline ${i}\n\nBody ${i}.`) }] })
        : call(s, i % 2 ? 'listArticles' : 'getArchiveInfo', {})
    )
    const results = await Promise.all(calls)
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200))
    expect(results.every((r) => (fromWire(r.body) as { ok: boolean }).ok)).toBe(true)
    const info = fromWire((await call(s, 'getArchiveInfo', {})).body) as { value: { articleCount: number } }
    expect(info.value.articleCount).toBe(10)
  })
})
