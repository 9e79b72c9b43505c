import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { pathsInArgument } from '../../../src/shared/contract'
import { tempArchive, tempDir } from '../../support/tmp'

describe('checkArchive and backupArchive over the contract', () => {
  it('checks the open archive and backs it up to a new file', async () => {
    const backend = createBackend(tempArchive())
    await backend.api.importBlobs({ files: [{ name: 'weir.txt', bytes: new TextEncoder().encode('Weir\n\nThe river rose two metres.\n') }] })

    const check = await backend.invoke('checkArchive', {})
    expect(check).toMatchObject({ ok: true, value: { healthy: true, counts: { articles: 1, files: 1, originals: 1 } } })

    const target = join(tempDir(), 'archive.tar')
    const backup = await backend.invoke('backupArchive', { path: target })
    expect(backup).toMatchObject({ ok: true, value: { file: target, manifest: { counts: { articles: 1, originals: 1 } } } })
    expect(existsSync(target)).toBe(true)
    // A second backup never overwrites the first.
    expect(await backend.invoke('backupArchive', { path: target })).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('refuses stray arguments, and the backup target is a path that needs a grant', async () => {
    const backend = createBackend(tempArchive())
    expect(await backend.invoke('checkArchive', { deep: true })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await backend.invoke('backupArchive', {})).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(pathsInArgument('backupArchive', { path: '/media/usb/annalist.tar' })).toEqual(['/media/usb/annalist.tar'])
    expect(pathsInArgument('checkArchive', {})).toBeNull()
  })
})
