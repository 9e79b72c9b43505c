import { existsSync, readdirSync, statSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { FILE_NAME_HEADER, IMPORT_UPLOADS_PATH, TOKEN_HEADER, UPLOAD_PATH } from '../../../src/shared/http-api'
import { fromWire, toWire } from '../../../src/shared/wire'
import { raw, start, type Raw, type Started } from './support'

const MB = 1024 * 1024

function upload(s: Started, name: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Raw> {
  return raw(s.port, UPLOAD_PATH, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: s.token, [FILE_NAME_HEADER]: encodeURIComponent(name), 'content-type': 'application/octet-stream', ...headers },
    body
  })
}

function importUploads(s: Started, arg: unknown): Promise<Raw> {
  return raw(s.port, IMPORT_UPLOADS_PATH, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: s.token, 'content-type': 'application/json' },
    body: toWire(arg)
  })
}

function envelope(res: Raw): { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } } {
  return fromWire(res.body) as ReturnType<typeof envelope>
}

function receiptId(res: Raw): string {
  const e = envelope(res)
  if (!e.ok) throw new Error(`upload refused: ${e.error.message}`)
  return e.value.id as string
}

function filesIn(dir: string): { name: string; size: number }[] {
  return readdirSync(dir).map((name) => ({ name, size: statSync(join(dir, name)).size }))
}

describe('browser-mode uploads', () => {
  it('imports uploaded files under the names they arrived with, then deletes them', async () => {
    const s = await start()
    const ids: string[] = []
    for (const [name, text] of [
      ['Dropped folder/first.txt', 'First headline\n\nThe council met on Tuesday.'],
      ['ünïcode name.md', '# Second headline\n\nThe port reopened.']
    ] as const) {
      const res = await upload(s, name, text)
      expect(res.status).toBe(200)
      ids.push(receiptId(res))
    }
    expect(filesIn(s.uploadDir)).toHaveLength(2)
    const res = await importUploads(s, { ids, batchId: 'drop-1' })
    expect(envelope(res)).toMatchObject({
      ok: true,
      value: {
        batchId: 'drop-1',
        added: [
          { path: 'Dropped folder/first.txt', title: 'First headline' },
          { path: 'ünïcode name.md', title: 'Second headline' }
        ]
      }
    })
    expect(filesIn(s.uploadDir)).toEqual([])
    expect(envelope(await importUploads(s, { ids }))).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(envelope(await upload(s, '', 'x'))).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    // An import of uploads names at least one upload, by an id of at most 64 characters, and nothing else.
    for (const arg of [{ ids: [] }, { ids: ['x'.repeat(65)] }, { ids: ['a'], extra: 1 }, { ids: 'a' }]) {
      const refused = envelope(await importUploads(s, arg)) as { ok: boolean; error: { code: string; message: string } }
      expect(refused, JSON.stringify(arg)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
      expect(refused.error.message).toMatch(/^upload import: /)
    }
  })

  it('writes an 80 MB upload to disk while it is still arriving, and removes it when the server stops', async () => {
    const total = 80 * MB
    const s = await start({ uploadLimits: { fileBytes: 100 * MB } })
    const chunk = Buffer.alloc(MB, 'The harbour strike entered its third week. ')
    const req = request({
      host: '127.0.0.1',
      port: s.port,
      path: UPLOAD_PATH,
      method: 'POST',
      headers: { [TOKEN_HEADER]: s.token, [FILE_NAME_HEADER]: 'big.txt', 'content-length': String(total) }
    })
    const answered = new Promise<Raw>((resolve, reject) => {
      req.on('response', (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      })
      req.on('error', reject)
    })
    const send = async (bytes: number): Promise<void> => {
      for (let sent = 0; sent < bytes; sent += MB) {
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r))
      }
    }
    await send(total / 2)
    // Half the body is sent and the request is still open: a handler that buffered the body
    // would not have written a byte yet; this one has written all of it to its file.
    while (filesIn(s.uploadDir)[0]?.size !== total / 2) await sleep(20)
    await send(total / 2)
    req.end()
    const res = await answered
    expect(res.status).toBe(200)
    expect(filesIn(s.uploadDir)).toEqual([{ name: expect.any(String), size: total }])
    await s.close()
    expect(existsSync(s.uploadDir)).toBe(false)
  })

  it('refuses an upload over the limit with 413, declared or counted while streaming, and leaves no file', async () => {
    const s = await start({ uploadLimits: { fileBytes: MB } })
    const big = new Uint8Array(2 * MB)
    const declared = await upload(s, 'big.txt', big, { 'content-length': String(big.length) })
    expect(declared.status).toBe(413)
    const streamed = await upload(s, 'big.txt', big)
    expect(streamed.status).toBe(413)
    expect(envelope(streamed)).toMatchObject({ ok: false, error: { code: 'payload-too-large', message: expect.stringContaining('big.txt') } })
    expect(filesIn(s.uploadDir)).toEqual([])
    expect((await upload(s, 'fits.txt', new Uint8Array(MB))).status).toBe(200)
  })

  it('bounds the uploads waiting for their import, in number and in bytes', async () => {
    const s = await start({ uploadLimits: { waitingFiles: 2, waitingBytes: 3 * MB } })
    expect((await upload(s, 'a.txt', new Uint8Array(MB))).status).toBe(200)
    expect((await upload(s, 'b.txt', new Uint8Array(MB))).status).toBe(200)
    const third = await upload(s, 'c.txt', 'x')
    expect(third.status).toBe(429)
    expect(envelope(third)).toMatchObject({ ok: false, error: { code: 'too-many-requests' } })
    const t = await start({ uploadLimits: { waitingBytes: 3 * MB } })
    expect((await upload(t, 'a.txt', new Uint8Array(2 * MB))).status).toBe(200)
    expect((await upload(t, 'b.txt', new Uint8Array(2 * MB))).status).toBe(413)
    expect(filesIn(t.uploadDir)).toHaveLength(1)
  })
})
