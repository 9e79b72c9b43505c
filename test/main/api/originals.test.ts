import { rmSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../../src/main/backend'
import { buildClient } from '../../../src/shared/client'
import { MAX_ORIGINAL_TEXT_BYTES } from '../../../src/shared/originals'
import { originalPath } from '../../../src/main/archive/originals'
import { tempArchive } from '../../support/tmp'

const INPUT = join(__dirname, '../../fixtures/import/formats/input')
const HOSTILE = join(__dirname, '../../fixtures/hostile')

function client(backend: Backend) {
  return buildClient((m, a) => backend.invoke(m, a), (e, l) => backend.on(e, l))
}

async function importOne(backend: Backend, name: string, bytes: Uint8Array): Promise<number> {
  const report = await client(backend).importBlobs({ files: [{ name, bytes }] })
  expect(report.failed).toEqual([])
  return report.added[0]!.id
}

describe('getOriginal', () => {
  it('gives HTML originals as their decoded markup, for the sanitizer', async () => {
    const backend = createBackend(tempArchive())
    const bytes = readFileSync(join(HOSTILE, 'script-tags.html'))
    const id = await importOne(backend, 'script-tags.html', bytes)
    const original = await client(backend).getOriginal({ id })
    expect(original).toMatchObject({ name: 'script-tags.html', mediaType: 'text/html', size: bytes.length, withheld: null })
    expect(original.text).toBe(bytes.toString('utf8'))
  })

  it('decodes legacy encodings the way import read them', async () => {
    const backend = createBackend(tempArchive())
    const html = '<html><head><meta charset="windows-1251"><title>Новости</title></head><body><p>МОСКВА, 3 мая — Сообщение о перевале было опубликовано утром.</p></body></html>'
    const id = await importOne(backend, 'cp1251.html', iconv.encode(html, 'windows-1251'))
    expect((await client(backend).getOriginal({ id })).text).toBe(html)
    const txt = readFileSync(join(INPUT, 'russian.txt'))
    const txtId = await importOne(backend, 'russian.txt', txt)
    const original = await client(backend).getOriginal({ id: txtId })
    expect(original.mediaType).toBe('text/plain')
    expect(original.text).toContain('МОСКВА, 14 марта')
  })

  it('gives e-mail source and Markdown as text', async () => {
    const backend = createBackend(tempArchive())
    for (const name of ['plain.eml', 'front-matter.md']) {
      const bytes = readFileSync(join(INPUT, name))
      const original = await client(backend).getOriginal({ id: await importOne(backend, name, bytes) })
      expect(original.withheld).toBeNull()
      expect(original.text).toBe(bytes.toString('utf8'))
    }
  })

  it('withholds binary, oversized and missing originals, saying why', async () => {
    const archive = tempArchive()
    const backend = createBackend(archive)
    const insertFile = archive.db.prepare(
      "INSERT INTO files (sha256, size, name, media_type, imported_at) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z')"
    )
    const insertArticle = archive.db.prepare(
      "INSERT INTO articles (file_id, title, text, text_hash, word_count, created_at, updated_at) VALUES (?, 'T', 'x', ?, 1, '2026-01-01', '2026-01-01')"
    )
    const add = (hash: string, size: number, name: string, type: string): number => {
      const fileId = Number(insertFile.run(hash, size, name, type).lastInsertRowid)
      return Number(insertArticle.run(fileId, hash).lastInsertRowid)
    }
    const pdf = add('a'.repeat(64), 1000, 'scan.pdf', 'application/pdf')
    const huge = add('b'.repeat(64), MAX_ORIGINAL_TEXT_BYTES + 1, 'huge.txt', 'text/plain')
    const missing = add('c'.repeat(64), 10, 'gone.txt', 'text/plain')
    const api = client(backend)
    expect(await api.getOriginal({ id: pdf })).toMatchObject({ text: null, withheld: 'binary', mediaType: 'application/pdf' })
    expect(await api.getOriginal({ id: huge })).toMatchObject({ text: null, withheld: 'too-large' })
    expect(await api.getOriginal({ id: missing })).toMatchObject({ text: null, withheld: 'missing' })
  })

  it('says when an original was deleted from the archive folder', async () => {
    const archive = tempArchive()
    const backend = createBackend(archive)
    const bytes = readFileSync(join(INPUT, 'wire-ap.txt'))
    const id = await importOne(backend, 'wire-ap.txt', bytes)
    const { sha256 } = (await client(backend).getArticle({ id })).file!
    rmSync(originalPath(archive.originalsDir, sha256))
    expect(await client(backend).getOriginal({ id })).toMatchObject({ text: null, withheld: 'missing' })
  })

  it('refuses unknown articles and malformed arguments', async () => {
    const backend = createBackend(tempArchive())
    expect(await backend.invoke('getOriginal', { id: 99 })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await backend.invoke('getOriginal', { id: '1' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await backend.invoke('getOriginal', { id: 1, path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })
})
