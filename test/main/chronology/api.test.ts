import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import type { ChronologyChange } from '../../../src/shared/chronology'
import { tempArchive, tempDir } from '../../support/tmp'
import { addArticle } from './helpers'
import { join } from 'node:path'

describe('chronology API', () => {
  it('validates arguments, runs edits, emits chronologyChanged and undoes', async () => {
    const archive = tempArchive()
    const articleId = addArticle(archive, ['The bridge at Dolna was blown up on Friday night, residents said.'])
    const backend = createBackend(archive, { recentArchivesFile: join(tempDir(), 'recent.json') })
    const changes: ChronologyChange[] = []
    backend.on('chronologyChanged', (c) => changes.push(c))

    expect(await backend.invoke('createEvent', { title: 'x', date: '2024', bogus: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' }
    })
    expect(await backend.invoke('listEvents', { from: '2024' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await backend.invoke('createEvent', { title: 'x', date: '2024-13' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: '"2024-13" is not a supported EDTF date: month 13 does not exist' }
    })

    const created = await backend.invoke('createEvent', {
      title: 'Bridge destroyed',
      date: '2024-05-10',
      citations: [{ articleId, start: 4, end: 29 }]
    })
    expect(created).toMatchObject({ ok: true, value: { citations: [{ anchor: { exact: 'bridge at Dolna was blown', start: 4 } }] } })
    const eventId = (created as { value: { id: number } }).value.id
    expect(changes).toEqual([{ action: 'createEvent', eventIds: [eventId], articleIds: [articleId] }])

    expect(await backend.invoke('listArticleCitations', { articleId })).toMatchObject({ ok: true, value: [{ eventId }] })
    expect(await backend.invoke('deleteArticles', { ids: [articleId] })).toMatchObject({ ok: true, value: { deleted: [], actionId: null } })
    expect(await backend.invoke('undoState', {})).toMatchObject({ ok: true, value: { label: 'Create event "Bridge destroyed"', canUndo: true } })
    expect(await backend.invoke('undo', {})).toMatchObject({ ok: true, value: { canRedo: true } })
    expect(changes.map((c) => c.action)).toEqual(['createEvent', 'undo'])
    expect(await backend.invoke('listEvents', {})).toEqual({ ok: true, value: [] })
    expect(await backend.invoke('redo', {})).toMatchObject({ ok: true, value: { label: 'Create event "Bridge destroyed"' } })
    expect(await backend.invoke('entityNames', { kind: 'person', prefix: '' })).toEqual({ ok: true, value: [] })
  })
})
