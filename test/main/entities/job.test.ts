import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive, type Archive } from '../../../src/main/archive/archive'
import { articleMentionList } from '../../../src/main/archive/repo/entities'
import { listEntityIds } from '../../../src/main/archive/repo/entity-lookup'
import { createBackend } from '../../../src/main/backend'
import { mergeEntities } from '../../../src/main/entities/corrections'
import { EXTRACTION_BATCH } from '../../../src/main/entities/job'
import { ENTITY_RULES_VERSION } from '../../../src/main/version'
import type { EntityExtractionProgress } from '../../../src/shared/entities'
import { tempArchive, tempDir } from '../../support/tmp'
import { addArticle } from '../chronology/helpers'

function archiveOf(n: number) {
  const archive = tempArchive()
  const ids: number[] = []
  for (let i = 0; i < n; i++) {
    const town = i % 2 ? 'Kabul' : 'Herat'
    ids.push(addArticle(archive, [`Report ${i + 1}. Ahmad Shah Massoud met elders in ${town} on Monday, his aides said.`]))
  }
  const backend = createBackend(archive, { recentArchivesFile: join(tempDir(), 'recent.json') })
  const progress: EntityExtractionProgress[] = []
  backend.on('entitiesProgress', (p) => progress.push(p))
  return { archive, backend, ids, progress }
}

describe('extracting over an existing archive', () => {
  it('runs in batches with progress, and a merge made before it survives it', async () => {
    const { archive, backend, ids, progress } = archiveOf(EXTRACTION_BATCH + 5)
    const first = await backend.invoke('extractEntities', { jobId: 'a' })
    expect(first).toMatchObject({ ok: true, value: { jobId: 'a', state: 'done', done: ids.length, total: ids.length } })
    expect(progress.map((p) => [p.state, p.done])).toEqual([
      ['running', 0],
      ['running', EXTRACTION_BATCH],
      ['running', ids.length],
      ['done', ids.length]
    ])
    expect(articleMentionList(archive.db, ids[0]!).map((m) => m.text)).toEqual(['Ahmad Shah Massoud', 'Herat'])
    const [herat, kabul] = ['Herat', 'Kabul'].map((n) => listEntityIds(archive.db, { kind: 'place', prefix: n, limit: 1, offset: 0 }).ids[0]!)
    mergeEntities(archive.db, kabul!, [herat!])
    await backend.invoke('extractEntities', { jobId: 'b', articleIds: [ids[0]!, ids[1]!] })
    expect(listEntityIds(archive.db, { kind: 'place', limit: 10, offset: 0 }).ids).toEqual([kabul])
    expect(articleMentionList(archive.db, ids[0]!).find((m) => m.text === 'Herat')!.entityId).toBe(kabul)
  })

  it('stops between batches when cancelled, keeping what was stored', async () => {
    const { backend, ids, progress } = archiveOf(EXTRACTION_BATCH * 2 + 1)
    backend.on('entitiesProgress', (p) => {
      if (p.state === 'running' && p.done > 0) void backend.invoke('cancelEntityExtraction', { jobId: 'c' })
    })
    const end = await backend.invoke('extractEntities', { jobId: 'c' })
    expect(end).toMatchObject({ ok: true, value: { state: 'cancelled', done: EXTRACTION_BATCH, total: ids.length } })
    expect(progress.at(-1)!.mentions).toBe(EXTRACTION_BATCH * 2)
    expect(await backend.invoke('cancelEntityExtraction', { jobId: 'c' })).toEqual({ ok: true, value: { cancelled: false } })
  })
})

describe('articles whose names were found by older rules', () => {
  const staleIds = (archive: Archive): number[] => archive.db.prepare('SELECT article_id FROM entity_stale ORDER BY 1').pluck().all() as number[]

  it('are marked when a build with other rules opens the archive, and only they are read again', async () => {
    const dir = join(tempDir(), 'archive')
    let archive = openArchive(dir)
    const ids = [1, 2, 3].map((i) => addArticle(archive, [`Report ${i}. Ahmad Shah Massoud met elders in Herat, his aides said.`]))
    // Stored by this build: nothing is stale, and the archive records the rules it saw.
    let backend = createBackend(archive)
    expect(await backend.api.extractEntities({ jobId: 'all' })).toMatchObject({ state: 'done', total: 3 })
    expect((await backend.api.getArchiveInfo({})).staleEntityArticles).toBe(0)
    expect(archive.db.prepare("SELECT value FROM settings WHERE key = 'entities.rules'").pluck().get()).toBe(String(ENTITY_RULES_VERSION))

    // As if the last open had been by a build with other rules: every article is stale.
    archive.db.prepare("UPDATE settings SET value = '0' WHERE key = 'entities.rules'").run()
    archive.close()
    archive = openArchive(dir)
    try {
      expect(staleIds(archive)).toEqual(ids)
      backend = createBackend(archive)
      const progress: EntityExtractionProgress[] = []
      backend.on('entitiesProgress', (p) => progress.push(p))
      expect((await backend.api.getArchiveInfo({})).staleEntityArticles).toBe(3)

      // An article stored since (its names found by these rules) is not stale; one read again leaves the list.
      const later = addArticle(archive, ['Report 4. Elders in Kabul spoke to reporters.'])
      await backend.api.extractEntities({ jobId: 'one', articleIds: [ids[0]!] })
      expect(staleIds(archive)).toEqual(ids.slice(1))
      expect(staleIds(archive)).not.toContain(later)

      progress.length = 0
      const end = await backend.api.extractEntities({ jobId: 'stale', stale: true })
      expect(end).toMatchObject({ state: 'done', done: 2, total: 2 })
      expect(progress.map((p) => [p.state, p.done, p.total])).toEqual([
        ['running', 0, 2],
        ['running', 2, 2],
        ['done', 2, 2]
      ])
      expect(staleIds(archive)).toEqual([])
      expect(articleMentionList(archive.db, ids[2]!).map((m) => m.text)).toEqual(['Ahmad Shah Massoud', 'Herat'])
      // Opening again with the same rules marks nothing.
      archive.close()
      archive = openArchive(dir)
      expect(staleIds(archive)).toEqual([])
    } finally {
      archive.close()
    }
  })

  it('an edit of a stale article finds its names again, and undoing the edit marks it again', async () => {
    const { archive, backend, ids } = archiveOf(2)
    archive.db.prepare('INSERT INTO entity_stale (article_id) SELECT id FROM article_store').run()
    await backend.api.updateArticle({ id: ids[0]!, text: 'Elders met Ahmad Shah Massoud in Kabul.' })
    expect(staleIds(archive)).toEqual([ids[1]])
    expect(articleMentionList(archive.db, ids[0]!).map((m) => m.text)).toEqual(['Ahmad Shah Massoud', 'Kabul'])
    await backend.api.undo({})
    expect(staleIds(archive)).toEqual(ids)
  })

  it('a cancelled run leaves the articles it did not reach stale, and stale excludes articleIds', async () => {
    const { archive, backend, ids } = archiveOf(EXTRACTION_BATCH * 2 + 1)
    archive.db.prepare('INSERT INTO entity_stale (article_id) SELECT id FROM article_store').run()
    backend.on('entitiesProgress', (p) => {
      if (p.state === 'running' && p.done > 0) void backend.invoke('cancelEntityExtraction', { jobId: 's' })
    })
    expect(await backend.invoke('extractEntities', { jobId: 's', stale: true })).toMatchObject({
      ok: true,
      value: { state: 'cancelled', done: EXTRACTION_BATCH, total: ids.length }
    })
    expect(staleIds(archive)).toEqual(ids.slice(EXTRACTION_BATCH))
    expect(await backend.invoke('extractEntities', { jobId: 'x', stale: true, articleIds: [ids[0]!] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' }
    })
  })
})
