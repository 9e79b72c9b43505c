import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleMentionList, listEntityIds } from '../../../src/main/archive/repo/entities'
import { createBackend } from '../../../src/main/backend'
import { mergeEntities } from '../../../src/main/entities/corrections'
import { EXTRACTION_BATCH } from '../../../src/main/entities/job'
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
