import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import type { ChronologyChange } from '../../../src/shared/chronology'
import type { EntityPage, EntitySummary, MapPlace } from '../../../src/shared/entities'
import type { NamedKind } from '../../../src/shared/entities'
import { tempArchive, tempDir } from '../../support/tmp'
import { addArticleNaming } from './helpers'

const STORIES: [string, [string, NamedKind][], string][] = [
  ['The convoy left at dawn. Massoud spoke to the Canal Authority in Baghlan. Nobody else did.', [['Massoud', 'person'], ['Canal Authority', 'org'], ['Baghlan', 'place']], '2021-08-30'],
  ['Masood returned to Baglan two days later.', [['Masood', 'person'], ['Baglan', 'place']], '2021-09-01']
]

async function setup() {
  const archive = tempArchive()
  const ids = STORIES.map(([text, specs, day]) =>
    addArticleNaming(archive, text, specs, {
      extra: { published: { edtf: day, precision: 'day', provenance: 'meta' } },
      place: (name, kind) => (kind === 'place' && name === 'Baghlan' ? { lat: 36.13, lon: 68.7, country: 'AF', geonameId: 1147290 } : null)
    })
  )
  const backend = createBackend(archive, { recentArchivesFile: join(tempDir(), 'recent.json') })
  const call = async <T>(method: string, arg: unknown): Promise<T> => {
    const env = await backend.invoke(method, arg)
    if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`)
    return env.value as T
  }
  return { archive, backend, ids, call }
}

describe('entity API', () => {
  it('lists, pages and maps entities; the page quotes the sentence around each mention', async () => {
    const { ids, call } = await setup()
    const { entities, total } = await call<{ entities: EntitySummary[]; total: number }>('listEntities', { prefix: 'Масу' })
    expect(total).toBe(1)
    const massoud = entities[0]!
    expect(massoud).toMatchObject({ kind: 'person', articles: 2, mentions: 2 })
    const page = await call<EntityPage>('getEntity', { id: massoud.id })
    expect(page.passageTotal).toBe(2)
    const first = page.passages.find((p) => p.articleId === ids[0])!
    expect(first.snippet.text).toBe('Massoud spoke to the Canal Authority in Baghlan.')
    expect(first.snippet.text.slice(first.snippet.start, first.snippet.end)).toBe('Massoud')
    expect(page.related.map((r) => [r.entity.name, r.together])).toEqual([
      ['Baghlan', 2],
      ['Canal Authority', 1]
    ])
    const map = await call<MapPlace[]>('mapPlaces', { from: '2021-09-01' })
    expect(map.map((m) => [m.entity.name, m.articles, m.entity.lat])).toEqual([['Baghlan', 1, 36.13]])
    const graph = await call<{ nodes: EntitySummary[]; edges: { a: number; b: number; weight: number }[] }>('entityGraph', { id: massoud.id })
    expect(graph.nodes).toHaveLength(3)
    expect(graph.edges.map((e) => e.weight).sort()).toEqual([1, 1, 2])
  })

  it('offers a cited passage’s entities, and finds events by entity through names or citations', async () => {
    const { ids, call } = await setup()
    const body = `${STORIES[0]![0]}`
    const start = body.indexOf('Massoud')
    const end = body.indexOf(' Nobody')
    const offered = await call<EntitySummary[]>('passageEntities', { articleId: ids[0], start, end })
    expect(offered.map((e) => e.kind)).toEqual(['person', 'org', 'place'])
    const cited = await call<{ id: number }>('createEvent', { title: 'Talks at the canal', date: '2021-08-30', citations: [{ articleId: ids[0], start, end }] })
    const named = await call<{ id: number }>('createEvent', { title: 'Return', date: '2021-09-01', people: ['masood'] })
    await call('createEvent', { title: 'Unrelated', date: '2021-09-02', people: ['Karimi'] })
    const events = await call<{ id: number }[]>('listEvents', { entityId: offered[0]!.id })
    expect(events.map((e) => e.id)).toEqual([cited.id, named.id])
    const orgEvents = await call<{ id: number; organisations: string[] }[]>('listEvents', { entityId: offered[1]!.id })
    expect(orgEvents.map((e) => e.id)).toEqual([cited.id])
    const page = await call<EntityPage>('getEntity', { id: offered[0]!.id })
    expect(page.events.map((e) => e.title)).toEqual(['Talks at the canal', 'Return'])
    // The event editor offers names found in articles as well as names already on events.
    expect(await call<string[]>('entityNames', { kind: 'org', prefix: 'can' })).toEqual(['Canal Authority'])
    expect(await call<string[]>('entityNames', { kind: 'person', prefix: 'mas' })).toEqual(['masood', 'Massoud'])
  })

  it('announces corrections as chronologyChanged with their undo action, and undo reverses a rename', async () => {
    const { backend, call } = await setup()
    const changes: ChronologyChange[] = []
    backend.on('chronologyChanged', (c) => changes.push(c))
    const [person] = (await call<{ entities: EntitySummary[] }>('listEntities', { kind: 'person' })).entities
    const renamed = await call<EntitySummary>('renameEntity', { id: person!.id, name: 'Ahmad Shah Massoud' })
    expect(renamed.name).toBe('Ahmad Shah Massoud')
    expect(changes.at(-1)).toMatchObject({ action: 'renameEntity', actionId: expect.any(Number) })
    await call('undo', { actionId: changes.at(-1)!.actionId })
    expect((await call<EntityPage>('getEntity', { id: person!.id })).entity.name).toBe('Massoud')
    expect(await backend.invoke('mergeEntities', { into: person!.id, ids: [999] })).toMatchObject({ ok: false, error: { code: 'not-found', message: 'no entity with id 999' } })
  })
})
