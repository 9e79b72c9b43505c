import { statSync, writeFileSync, chmodSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listenRemembered, recallServe, serveMemoryFile } from '../../../src/main/server/serve-memory'
import { tempDir } from '../../support/tmp'

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
})

/** Listens on `port` (0: any) on 127.0.0.1, as startServer does, failing with EADDRINUSE when taken. */
function listen(port: number): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      servers.push(server)
      resolve({ port: (server.address() as { port: number }).port })
    })
  })
}

const modeOf = (path: string): number => statSync(path).mode & 0o777

describe('serve memory', () => {
  it('keeps the token in a file only the user can read, in a folder only the user can enter', () => {
    const file = serveMemoryFile(tempDir(), '0b7c6f1e-2a57-4d4e-9a3e-5d1f0e9c1b2a')
    const first = recallServe(file)
    expect(first.tokenIsNew).toBe(true)
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(first.port).toBeNull()
    expect(modeOf(file)).toBe(0o600)
    expect(modeOf(join(file, '..'))).toBe(0o700)
    const again = recallServe(file)
    expect(again).toEqual({ token: first.token, port: null, tokenIsNew: false })
  })

  it('makes the file private again when its bits were widened, and renews the token on request', () => {
    const file = serveMemoryFile(tempDir(), 'abc')
    const { token } = recallServe(file)
    chmodSync(file, 0o644)
    chmodSync(join(file, '..'), 0o755)
    expect(recallServe(file).token).toBe(token)
    expect(modeOf(file)).toBe(0o600)
    expect(modeOf(join(file, '..'))).toBe(0o700)
    const renewed = recallServe(file, { newToken: true })
    expect(renewed.tokenIsNew).toBe(true)
    expect(renewed.token).not.toBe(token)
    expect(recallServe(file).token).toBe(renewed.token)
  })

  it('replaces a token a hand edit weakened or a broken file', () => {
    const file = serveMemoryFile(tempDir(), 'abc')
    recallServe(file)
    writeFileSync(file, JSON.stringify({ token: 'short', port: 4000 }))
    const fixed = recallServe(file)
    expect(fixed).toMatchObject({ tokenIsNew: true, port: 4000 })
    writeFileSync(file, '{ not json')
    expect(recallServe(file)).toMatchObject({ tokenIsNew: true, port: null })
  })

  it('refuses an archive id that could name another file', () => {
    expect(() => serveMemoryFile(tempDir(), '../../etc/passwd')).toThrow(/cannot name a file/)
  })

  it('remembers the first port, serves there again, and falls back (saying so) when it is taken', async () => {
    const file = serveMemoryFile(tempDir(), 'abc')
    const first = await listenRemembered(file, recallServe(file), null, listen)
    expect(first.taken).toBeNull()
    const port = first.server.port
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ port })
    await new Promise((r) => servers.pop()!.close(r))

    const again = await listenRemembered(file, recallServe(file), null, listen)
    expect(again).toEqual({ server: { port }, taken: null })

    // The port is still held by `again`: the next start falls back and keeps the usual port remembered.
    const fallback = await listenRemembered(file, recallServe(file), null, listen)
    expect(fallback.taken).toBe(port)
    expect(fallback.server.port).not.toBe(port)
    expect(recallServe(file).port).toBe(port)
  })

  it('takes an asked port over the remembered one and remembers it', async () => {
    const file = serveMemoryFile(tempDir(), 'abc')
    await listenRemembered(file, recallServe(file), null, listen)
    const free = await listen(0)
    await new Promise((r) => servers.pop()!.close(r))
    const asked = await listenRemembered(file, recallServe(file), free.port, listen)
    expect(asked).toEqual({ server: { port: free.port }, taken: null })
    expect(recallServe(file).port).toBe(free.port)
  })
})
