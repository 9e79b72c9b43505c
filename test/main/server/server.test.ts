import { readdirSync } from 'node:fs'
import { createServer, request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { fromWire, toWire } from '../../../src/shared/wire'
import { tempDir } from '../../support/tmp'
import { call, raw, start } from './support'

/** Opens an event stream; resolves with its status once the headers arrive, and a way to close it. */
function openStream(port: number, path: string): Promise<{ status: number; body: Promise<string>; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      const ended = new Promise<string>((done) => {
        res.on('end', () => done(body))
        res.on('close', () => done(body))
      })
      resolve({ status: res.statusCode ?? 0, body: ended, close: () => req.destroy() })
    })
    req.on('error', reject)
    req.end()
  })
}

describe('browser-mode server', () => {
  it('leaves no upload folder behind when its port is taken', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()))
    const port = (taken.address() as { port: number }).port
    const uploadRoot = tempDir()
    try {
      await expect(start({ port, uploadRoot })).rejects.toMatchObject({ code: 'EADDRINUSE' })
      expect(readdirSync(uploadRoot)).toEqual([])
      // The next start, on a free port, makes its folder and removes it on close.
      const server = await start({ uploadRoot })
      expect(readdirSync(uploadRoot)).toHaveLength(1)
      await server.close()
      expect(readdirSync(uploadRoot)).toEqual([])
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  })

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

  it('takes the token only in its header on API calls, and in the URL only on the event stream', async () => {
    const s = await start()
    const inUrl = await raw(s.port, `/api/getArchiveInfo?token=${s.token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(inUrl.status).toBe(401)
    expect(fromWire(inUrl.body)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('x-annalist-token header') } })
    const upload = await raw(s.port, `/api/upload?token=${s.token}`, { method: 'POST', headers: { 'x-annalist-file-name': 'a.txt' }, body: 'Title\n\nBody.' })
    expect(upload.status).toBe(401)
    expect((await call(s, 'getArchiveInfo', {})).status).toBe(200)
    const stream = await openStream(s.port, `/api/events?token=${s.token}`)
    expect(stream.status).toBe(200)
    stream.close()
  })

  it('refuses a ninth event stream with 429 and takes a new one once a stream closes', async () => {
    const s = await start()
    const open = await Promise.all(Array.from({ length: 8 }, () => openStream(s.port, `/api/events?token=${s.token}`)))
    expect(open.map((o) => o.status)).toEqual(Array(8).fill(200))
    const ninth = await openStream(s.port, `/api/events?token=${s.token}`)
    expect(ninth.status).toBe(429)
    expect(fromWire(await ninth.body)).toMatchObject({ ok: false, error: { code: 'too-many-requests', message: expect.stringContaining('8 event streams') } })
    open[0]!.close()
    await open[0]!.body
    // The server sees the close on its own schedule: ask until it has.
    let again = await openStream(s.port, `/api/events?token=${s.token}`)
    while (again.status === 429) again = await openStream(s.port, `/api/events?token=${s.token}`)
    expect(again.status).toBe(200)
    for (const o of [...open, again]) o.close()
  })

  it('refuses bodies over the limit with 413', async () => {
    const s = await start({ maxBodyBytes: 1024 })
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
