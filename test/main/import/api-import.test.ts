import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import type { ImportProgress, ImportReport } from '../../../src/shared/types'
import { tempArchive, tempDir } from '../../support/tmp'
import { writeArticle } from './support'

describe('import API', () => {
  it('names the batch as asked, cancels it by that name, and says when there is nothing to cancel', async () => {
    const backend = createBackend(tempArchive())
    const dir = tempDir()
    for (let i = 0; i < 30; i++) writeArticle(dir, `s${String(i).padStart(2, '0')}.txt`, `Story ${i}`)
    const events: ImportProgress[] = []
    let cancelled: Promise<unknown> | null = null
    backend.on('importProgress', (p) => {
      events.push(p)
      cancelled ??= backend.invoke('cancelImport', { batchId: p.batchId })
    })
    const result = await backend.invoke('importFiles', { paths: [dir], batchId: 'batch-1' })
    expect(result.ok).toBe(true)
    const report = (result as { value: ImportReport }).value
    expect(await cancelled).toEqual({ ok: true, value: { cancelled: true } })
    expect(report).toMatchObject({ batchId: 'batch-1', cancelled: true })
    expect(report.added.length).toBeLessThan(30)
    expect(events.every((e) => e.batchId === 'batch-1')).toBe(true)
    expect(events.at(-1)!.done).toBe(report.added.length + report.duplicates.length + report.failed.length)
    expect(await backend.invoke('cancelImport', { batchId: 'batch-1' })).toEqual({ ok: true, value: { cancelled: false } })
  })

  it('refuses a second batch with a running batch’s name', async () => {
    const backend = createBackend(tempArchive())
    const dir = tempDir()
    writeArticle(dir, 'a.txt', 'One story')
    const first = backend.invoke('importFiles', { paths: [dir], batchId: 'same' })
    const second = await backend.invoke('importFiles', { paths: [dir], batchId: 'same' })
    expect(second).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await first).toMatchObject({ ok: true, value: { added: [{ title: 'One story' }] } })
  })
})
