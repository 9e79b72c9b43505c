import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { createBackend } from '../../../src/main/backend'
import { API_METHODS, methodAccess } from '../../../src/shared/api'
import { seedArticles } from '../../support/archive-seed'
import { tempArchive, tempDir } from '../../support/tmp'

describe('contract methods the CLI needed', () => {
  it('checks and backs up the open archive', async () => {
    const archive = tempArchive()
    seedArticles(archive, 2)
    const backend = createBackend(archive)
    const check = await backend.invoke('checkArchive', {})
    expect(check).toMatchObject({ ok: true, value: { healthy: true, counts: { articles: 2 } } })
    const file = join(tempDir(), 'b.tar')
    expect(await backend.invoke('backupArchive', { path: file })).toMatchObject({ ok: true, value: { file, manifest: { counts: { articles: 2 } } } })
    expect(await backend.invoke('backupArchive', { path: file })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(file) } })
    expect(await backend.invoke('backupArchive', {})).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('finds a chronology by name, locates a quote, and previews proposals without storing them', async () => {
    const archive = tempArchive()
    const [id] = seedArticles(archive, 1)
    const backend = createBackend(archive)
    const created = await backend.api.createChronology({ name: 'Harbour' })
    expect(await backend.api.findChronology({ name: 'harbour' })).toEqual(created)
    await expect(backend.api.findChronology({ name: 'Port' })).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('"Port"') })

    const { text } = archive.db.prepare('SELECT text FROM articles WHERE id = ?').get(id) as { text: string }
    const quote = text.split('\n')[0]!
    expect(await backend.api.locateQuote({ articleId: id!, quote })).toEqual({ start: 0, end: quote.length })
    await expect(backend.api.locateQuote({ articleId: id!, quote: 'no such words anywhere' })).rejects.toMatchObject({ code: 'not-found' })

    archive.db.prepare("UPDATE articles SET text = 'The talks resumed on 3 March 2024 in the capital.' WHERE id = ?").run(id)
    const preview = await backend.api.previewEvents({ articleId: id! })
    expect(preview).toMatchObject([{ date: { edtf: '2024-03-03', earliest: '2024-03-03', latest: '2024-03-03' }, expression: expect.stringContaining('3 March 2024') }])
    expect(archive.db.prepare('SELECT count(*) AS n FROM proposals').get()).toEqual({ n: 0 })
    const stored = await backend.api.suggestEvents({ articleId: id! })
    expect(stored.map((p) => [p.date, p.text, p.anchor])).toEqual(preview.map((p) => [p.date, p.text, p.anchor]))
  })

  it('refuses every method that writes on an archive opened read-only, and answers the ones that read', async () => {
    const writer = tempArchive()
    seedArticles(writer, 1)
    const reader = openArchive(writer.dir, { readonly: true })
    try {
      const backend = createBackend(reader)
      const refused = await backend.invoke('createChronology', { name: 'Harbour' })
      expect(refused).toMatchObject({ ok: false, error: { code: 'archive-locked', message: expect.stringContaining(writer.dir) } })
      expect(await backend.invoke('listArticles', {})).toMatchObject({ ok: true, value: { total: 1 } })
      expect(API_METHODS.filter((m) => methodAccess(m) === 'write')).toContain('createChronology')
    } finally {
      reader.close()
    }
    expect(existsSync(join(writer.dir, 'archive.sqlite'))).toBe(true)
  })
})
