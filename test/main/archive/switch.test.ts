import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { RecentArchives } from '../../../src/main/archive/recent'
import { createBackend, type Backend } from '../../../src/main/backend'
import { runCli } from '../../../src/main/cli/run'
import { seedArticles } from '../../support/archive-seed'
import { tempDir } from '../../support/tmp'

const backends: Backend[] = []
afterEach(() => {
  while (backends.length) backends.pop()!.close()
  vi.unstubAllEnvs()
})

function setup(): { a: string; b: string; recentFile: string; backend: Backend } {
  const root = tempDir()
  const a = join(root, 'a')
  const b = join(root, 'b')
  const first = openArchive(a)
  seedArticles(first, 2)
  const recentFile = join(root, 'userdata', 'recent-archives.json')
  const backend = createBackend(first, { recentArchivesFile: recentFile })
  backends.push(backend)
  return { a, b, recentFile, backend }
}

describe('openArchive / listRecentArchives', () => {
  it('refuses to switch while an import runs in the current archive, and leaves the target unlocked', async () => {
    const { a, b, backend } = setup()
    const src = tempDir()
    for (let i = 0; i < 40; i++) writeFileSync(join(src, `f${i}.txt`), `Headline ${i}\n\nBody text number ${i}.`)
    const importing = backend.api.importFiles({ paths: [src] })
    const refused = await backend.invoke('openArchive', { path: b })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(backend.archive.dir).toBe(a)
    expect((await importing).added).toHaveLength(40)
    const again = await backend.invoke('openArchive', { path: b })
    expect(again).toMatchObject({ ok: true, value: { path: b } })
  })

  it('switches to another archive: info follows, the old lock is released, both are in the recent list', async () => {
    const { a, b, recentFile, backend } = setup()
    expect((await backend.api.getArchiveInfo({})).articleCount).toBe(2)
    const changed: string[] = []
    backend.on('archiveChanged', (info) => changed.push(info.path))
    const info = await backend.invoke('openArchive', { path: b })
    expect(changed).toEqual([b])
    expect(info).toMatchObject({ ok: true, value: { path: b, articleCount: 0 } })
    expect((await backend.api.getArchiveInfo({})).path).toBe(b)
    expect(backend.archive.dir).toBe(b)

    const other = openArchive(a)
    other.close()

    const recent = await backend.api.listRecentArchives({})
    expect(recent.map((r) => [r.path, r.current, r.exists])).toEqual([
      [b, true, true],
      [a, false, true]
    ])
    expect(new RecentArchives(recentFile).list().map((e) => e.path)).toEqual([b, a])

    await backend.api.openArchive({ path: a })
    expect((await backend.api.getArchiveInfo({})).articleCount).toBe(2)
    expect((await backend.api.listRecentArchives({})).map((r) => r.path)).toEqual([a, b])
  })

  it('keeps the current archive when the target is in use, and reopening the current one is a no-op', async () => {
    const { a, b, backend } = setup()
    const holder = openArchive(b)
    const failed = await backend.invoke('openArchive', { path: b })
    holder.close()
    expect(failed).toMatchObject({ ok: false, error: { code: 'archive-locked' } })
    expect((await backend.api.getArchiveInfo({})).path).toBe(a)
    expect(await backend.api.openArchive({ path: a })).toMatchObject({ path: a, articleCount: 2 })
    expect(backend.archive.db.open).toBe(true)
  })

  it('marks remembered archives whose folder is gone, and tolerates a broken list file', async () => {
    const { a, recentFile, backend } = setup()
    mkdirSync(join(recentFile, '..'), { recursive: true })
    writeFileSync(recentFile, JSON.stringify([{ path: '/nowhere/archive', openedAt: '2024-01-01T00:00:00.000Z' }]))
    expect((await backend.api.listRecentArchives({})).map((r) => [r.path, r.exists])).toEqual([
      [a, true],
      ['/nowhere/archive', false]
    ])
    writeFileSync(recentFile, '{not json')
    expect((await backend.api.listRecentArchives({})).map((r) => r.path)).toEqual([a])
  })

  it('validates the argument', async () => {
    const { backend } = setup()
    expect(await backend.invoke('openArchive', {})).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await backend.invoke('openArchive', { path: '' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })
})

describe('annalist archive', () => {
  it('prints the archive in use and the recent list', async () => {
    const root = tempDir()
    vi.stubEnv('XDG_CONFIG_HOME', join(root, 'config'))
    const recent = new RecentArchives(join(root, 'config', 'Annalist', 'recent-archives.json'))
    recent.remember(join(root, 'old'))
    let out = ''
    const io = { out: (t: string) => void (out += t), err: () => {}, isTTY: false }
    const dir = join(root, 'current')
    expect(await runCli(['archive', '--archive', dir], io)).toBe(0)
    expect(out).toBe(`archive  ${dir}  (not created yet)\n\nrecent:\n  ${join(root, 'old')}  (${new Date().toISOString().slice(0, 10)}, missing)\n`)
    expect(existsSync(dir)).toBe(false)
  })
})
