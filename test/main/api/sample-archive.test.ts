import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { markSampleArchive } from '../../../src/main/archive/repo/identity'
import { createBackend, type Backend } from '../../../src/main/backend'
import { seedArticles } from '../../support/archive-seed'
import { tempDir } from '../../support/tmp'

const backends: Backend[] = []
afterEach(() => {
  while (backends.length) backends.pop()!.close()
})

/** An own archive with two articles, served, and a marked sample archive beside it. */
function setup(options: { markSample?: boolean } = {}): { own: string; sample: string; backend: Backend } {
  const root = tempDir()
  const own = join(root, 'own')
  const sample = join(root, 'sample-archive')
  const s = openArchive(sample)
  seedArticles(s, 3)
  if (options.markSample !== false) markSampleArchive(s.db)
  s.close()
  const first = openArchive(own)
  seedArticles(first, 2)
  const backend = createBackend(first, { recentArchivesFile: join(root, 'recent.json'), sampleArchiveDir: sample })
  backends.push(backend)
  return { own, sample, backend }
}

describe('the separate sample archive', () => {
  it('is listed, marked as the sample, while it exists, and each archive says which it is', async () => {
    const { own, sample, backend } = setup()
    const rows = await backend.api.listRecentArchives({})
    expect(rows.map((r) => [r.path, r.current, r.sample])).toEqual([
      [own, true, false],
      [sample, false, true]
    ])
    expect(await backend.api.getArchiveInfo({})).toMatchObject({ sample: false, articleCount: 2 })
    expect(await backend.api.openArchive({ path: sample })).toMatchObject({ sample: true, articleCount: 3 })
  })

  it('is removed with one call while another archive is open, and is gone from the list', async () => {
    const { own, sample, backend } = setup()
    const info = await backend.api.removeSampleArchive({})
    expect(info).toMatchObject({ path: own, articleCount: 2 })
    expect(existsSync(sample)).toBe(false)
    expect((await backend.api.listRecentArchives({})).map((r) => r.path)).toEqual([own])
    expect(await backend.invoke('removeSampleArchive', {})).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('when open, goes back to the archive the app started with before it is removed', async () => {
    const { own, sample, backend } = setup()
    await backend.api.openArchive({ path: sample })
    const changed: string[] = []
    backend.on('archiveChanged', (i) => changed.push(i.path))
    expect(await backend.api.removeSampleArchive({})).toMatchObject({ path: own, sample: false })
    expect(changed).toEqual([own])
    expect(backend.archive.dir).toBe(own)
    expect(existsSync(sample)).toBe(false)
    expect(existsSync(join(own, 'archive.sqlite'))).toBe(true)
  })

  it('never removes a folder without the sample mark, nor the archive the app started with', async () => {
    const { sample, backend } = setup({ markSample: false })
    expect(await backend.invoke('removeSampleArchive', {})).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('sample archive\'s mark') } })
    expect(existsSync(join(sample, 'archive.sqlite'))).toBe(true)

    // Served from the sample's own folder: that is the user's archive here, never removed as "the sample".
    const root = tempDir()
    const home = openArchive(join(root, 'home'))
    markSampleArchive(home.db)
    const self = createBackend(home, { recentArchivesFile: join(root, 'recent.json'), sampleArchiveDir: home.dir })
    backends.push(self)
    expect(await self.invoke('removeSampleArchive', {})).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(existsSync(join(home.dir, 'archive.sqlite'))).toBe(true)
  })

  it('is refused when the app has no sample archive', async () => {
    const archive = openArchive(join(tempDir(), 'a'))
    const backend = createBackend(archive, { recentArchivesFile: join(tempDir(), 'recent.json') })
    backends.push(backend)
    expect(await backend.invoke('removeSampleArchive', {})).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
