import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChronologyEvent, EventPatch } from '../../src/shared/chronology'
import type { EntityPage as Page, EntitySummary, NamedKind } from '../../src/shared/entities'
import { DataProvider } from '../../src/renderer/src/data/DataProvider'
import { EntitiesView } from '../../src/renderer/src/views/entities/EntitiesView'
import { EntityPage } from '../../src/renderer/src/views/entities/EntityPage'
import { EntityPicker } from '../../src/renderer/src/views/entities/EntityPicker'
import { EventEditor } from '../../src/renderer/src/views/chronology/EventEditor'
import { deferred, fakeClient, type FakeClient, type Handlers } from './support/fake-client'
import type { ArchiveInfo } from '../../src/shared/types'
import type { EntityExtractionProgress } from '../../src/shared/entities'

afterEach(cleanup)
beforeEach(() => localStorage.clear())

function entity(id: number, kind: NamedKind, name: string, aliases: string[] = [], articles = 1): EntitySummary {
  return { id, kind, name, aliases: [name, ...aliases], mentions: articles * 2, articles, hidden: false, lat: null, lon: null, country: null }
}
const OLEK = entity(1, 'person', 'Olek Petrenko', ['Oleg Petrenko', 'Олег Петренко'], 3)
const PORT = entity(2, 'org', 'Harbour Authority', [], 2)
const ODESA = entity(3, 'place', 'Odesa', ['Odessa'], 2)

const PAGE: Page = {
  entity: OLEK,
  passages: [
    { articleId: 10, label: 'Port talks (Coast Weekly, 3 May 2024)', published: '2024-05-03', start: 120, end: 133, text: 'Олег Петренко', snippet: { text: 'Later Олег Петренко left the port.', start: 6, end: 19 } }
  ],
  passageTotal: 1,
  events: [{ id: 40, title: 'Talks at the port', date: '2024-05-02' }],
  related: [
    { entity: PORT, together: 2 },
    { entity: ODESA, together: 1 }
  ]
}

/** The element once it is there (waitFor retries only on a throw). */
function find<E extends Element = HTMLElement>(selector: string): Promise<E> {
  return waitFor(() => {
    const el = document.querySelector<E>(selector)
    if (!el) throw new Error(`not yet: ${selector}`)
    return el
  })
}

function mount(ui: React.ReactNode, handlers: Handlers): FakeClient {
  const fake = fakeClient(handlers)
  render(<DataProvider client={fake.client}>{ui}</DataProvider>)
  return fake
}

describe('Entities view', () => {
  it('lists entities with aliases and counts, filtered by kind and prefix', async () => {
    const fake = mount(<EntitiesView onOpen={() => undefined} />, {
      listEntities: ({ kind }) => ({ entities: [OLEK, PORT, ODESA].filter((e) => !kind || e.kind === kind), total: 3 })
    })
    const row = await find('#entity-row-1')
    expect(row.textContent).toContain('Oleg Petrenko · Олег Петренко')
    expect(row.textContent).toContain('3 articles · 6 mentions')
    act(() => fireEvent.click(document.querySelector('button[aria-pressed="false"]:nth-child(3)')!))
    await waitFor(() => expect(fake.callsOf('listEntities').at(-1)).toMatchObject({ kind: 'org', includeHidden: false }))
    fireEvent.change(document.getElementById('entity-prefix')!, { target: { value: 'Har' } })
    await waitFor(() => expect(fake.callsOf('listEntities').at(-1)).toMatchObject({ kind: 'org', prefix: 'Har' }))
  })
})

describe('names found by an earlier version', () => {
  const info = (stale: number): ArchiveInfo => ({
    path: '/a', id: 'x', sample: false, schemaVersion: 30, appVersion: '0', articleCount: 5, eventCount: 0, chronologyCount: 0, fileCount: 5, sizeBytes: 1, staleEntityArticles: stale
  })

  it('are offered to be found again, with progress and a stop, and the offer goes once they are', async () => {
    let stale = 2
    const job = deferred<EntityExtractionProgress>()
    const fake = mount(<EntitiesView onOpen={() => undefined} />, {
      listEntities: () => ({ entities: [OLEK], total: 1 }),
      getArchiveInfo: () => info(stale),
      extractEntities: () => job.promise,
      cancelEntityExtraction: () => ({ cancelled: true })
    })
    const offer = await find('[data-testid="stale-names"]')
    expect(offer.textContent).toContain('Names in 2 articles were found by an earlier version of Annalist')
    act(() => fireEvent.click(offer.querySelector('button')!))
    await waitFor(() => expect(fake.callsOf('extractEntities')).toHaveLength(1))
    const { jobId, stale: onlyStale } = fake.callsOf('extractEntities')[0]!
    expect(onlyStale).toBe(true)

    const progress = (state: EntityExtractionProgress['state'], done: number): EntityExtractionProgress => ({ jobId, state, done, total: 2, entities: 1, mentions: 2 })
    act(() => fake.emit('entitiesProgress', progress('running', 1)))
    await waitFor(() => expect(document.querySelector('[data-testid="stale-names"]')!.textContent).toContain('Finding names again: 1 of 2 articles'))
    act(() => fireEvent.click(document.querySelector('[data-testid="stale-names"] button')!))
    await waitFor(() => expect(fake.callsOf('cancelEntityExtraction')).toEqual([{ jobId }]))

    // The job ends; the count asked again says none are left, and the offer goes.
    stale = 0
    act(() => fake.emit('entitiesProgress', progress('done', 2)))
    job.resolve(progress('done', 2))
    await waitFor(() => expect(document.querySelector('[data-testid="stale-names"]')).toBeNull())
    expect(fake.callsOf('getArchiveInfo').length).toBeGreaterThan(1)
  })

  it('say how a run that was stopped ended, and nothing shows when every article is up to date', async () => {
    const job = deferred<EntityExtractionProgress>()
    const fake = mount(<EntitiesView onOpen={() => undefined} />, {
      listEntities: () => ({ entities: [OLEK], total: 1 }),
      getArchiveInfo: () => info(1),
      extractEntities: () => job.promise
    })
    const offer = await find('[data-testid="stale-names"]')
    act(() => fireEvent.click(offer.querySelector('button')!))
    await waitFor(() => expect(fake.callsOf('extractEntities')).toHaveLength(1))
    const { jobId } = fake.callsOf('extractEntities')[0]!
    const end: EntityExtractionProgress = { jobId, state: 'cancelled', done: 0, total: 1, entities: 0, mentions: 0 }
    act(() => fake.emit('entitiesProgress', end))
    job.resolve(end)
    await waitFor(() => expect(document.querySelector('[data-testid="stale-names"]')?.textContent).toContain('(stopped: what was found so far is kept)'))
    cleanup()

    mount(<EntitiesView onOpen={() => undefined} />, { listEntities: () => ({ entities: [OLEK], total: 1 }), getArchiveInfo: () => info(0) })
    await find('#entity-row-1')
    await waitFor(() => expect(document.querySelector('[data-testid="stale-names"]')).toBeNull())
  })
})

describe('entity page', () => {
  it('shows spellings, events, companions and passages, each opening where it points', async () => {
    const opened: string[] = []
    mount(
      <EntityPage
        id={1}
        onBack={() => undefined}
        onOpenEntity={(id) => opened.push(`entity ${id}`)}
        onOpenPassage={(a, s, e) => opened.push(`article ${a} ${s}-${e}`)}
        onOpenEvent={(id) => opened.push(`event ${id}`)}
        onFilterChronology={(e) => opened.push(`chronology about ${e.id}`)}
      />,
      {
        getEntity: () => PAGE,
        entityGraph: () => ({ nodes: [OLEK, PORT, ODESA], edges: [{ a: 1, b: 2, weight: 2 }, { a: 1, b: 3, weight: 1 }, { a: 2, b: 3, weight: 1 }] })
      }
    )
    const heading = await find('#entity-name')
    expect(heading.textContent).toContain('Olek Petrenko')
    expect([...document.querySelectorAll('.alias')].map((a) => a.textContent)).toEqual(['Olek Petrenko', 'Oleg Petrenko', 'Олег Петренко'])
    expect(document.querySelector('.entity-passages mark')!.textContent).toBe('Олег Петренко')
    fireEvent.click(document.querySelector('.passage-button')!)
    fireEvent.click([...document.querySelectorAll('.entity-events button')][0]!)
    const node = await find<SVGElement>('.graph-node[aria-label^="Harbour Authority"]')
    fireEvent.keyDown(node, { key: 'Enter' })
    fireEvent.click(document.querySelector<HTMLElement>('section[aria-labelledby="entity-events"] > .link-button')!)
    expect(opened).toEqual(['article 10 120-133', 'event 40', 'entity 2', 'chronology about 1'])
  })

  it('merges picked entities into this one and splits picked spellings off', async () => {
    const fake = mount(<EntityPage id={1} onBack={() => undefined} onOpenEntity={() => undefined} onOpenPassage={() => undefined} onOpenEvent={() => undefined} onFilterChronology={() => undefined} />, {
      getEntity: () => PAGE,
      entityGraph: () => ({ nodes: [OLEK], edges: [] }),
      listEntities: () => ({ entities: [OLEK, entity(9, 'person', 'O. Petrenko')], total: 2 }),
      mergeEntities: () => OLEK,
      splitEntity: ({ aliases }) => ({ kept: OLEK, created: entity(11, 'person', aliases[0]!) })
    })
    fireEvent.click(await find('.entity-actions button:nth-child(2)'))
    fireEvent.change(document.querySelector('.entity-form input[type="search"]')!, { target: { value: 'O.' } })
    const pick = await waitFor(() => {
      const boxes = document.querySelectorAll<HTMLInputElement>('.pick-list input')
      // The entity itself is never offered to merge into itself.
      expect(boxes).toHaveLength(1)
      return boxes[0]!
    })
    fireEvent.click(pick)
    fireEvent.submit(document.querySelector('.entity-form')!)
    await waitFor(() => expect(fake.callsOf('mergeEntities')).toEqual([{ into: 1, ids: [9] }]))

    fireEvent.click(document.querySelector<HTMLElement>('.entity-actions button:nth-child(3)')!)
    const boxes = document.querySelectorAll<HTMLInputElement>('.entity-form fieldset input')
    const submit = document.querySelector<HTMLButtonElement>('.entity-form button[type="submit"]')!
    for (const b of boxes) fireEvent.click(b)
    // Every spelling moved away would leave nothing: refused until one stays.
    expect(submit.disabled).toBe(true)
    fireEvent.click(boxes[0]!)
    fireEvent.click(boxes[1]!)
    fireEvent.submit(document.querySelector('.entity-form')!)
    await waitFor(() => expect(fake.callsOf('splitEntity')).toEqual([{ id: 1, aliases: ['Олег Петренко'] }]))
    // The new entity is one click away.
    expect((await find('.entity-head [role="status"] button')).textContent).toBe('Олег Петренко')
  })
})

describe('actors from evidence in the event editor', () => {
  const event = {
    id: 40,
    title: 'Talks at the port',
    note: '',
    date: { edtf: '2024-05-02' },
    status: 'reported',
    tags: [],
    people: [],
    organisations: [],
    places: ['Odessa'],
    chronologyIds: [],
    citations: [{ id: 5, eventId: 40, articleId: 10, anchor: { start: 100, end: 160, exact: 'x', prefix: '', suffix: '' }, orphaned: false, stance: 'supports' }]
  } as unknown as ChronologyEvent

  it('offers the cited passage’s people and organisations, adds one with a click, drops a dismissed one', async () => {
    const saved: EventPatch[] = []
    const fake = mount(<EventEditor event={event} onSave={async (p) => void saved.push(p)} onCancel={() => undefined} />, {
      passageEntities: () => [OLEK, PORT, ODESA, entity(12, 'person', 'Mira Sand')],
      entityNames: () => []
    })
    const add = await find<HTMLButtonElement>('button[aria-label="Add Harbour Authority"]')
    expect(fake.callsOf('passageEntities')).toEqual([{ articleId: 10, start: 100, end: 160 }])
    // Odesa is already there as “Odessa”: not offered again.
    expect(document.querySelector('button[aria-label="Add Odesa"]')).toBeNull()
    fireEvent.click(add)
    fireEvent.click(document.querySelector<HTMLButtonElement>('button[aria-label="Add Olek Petrenko"]')!)
    fireEvent.click(document.querySelector<HTMLButtonElement>('button[aria-label="Not Mira Sand"]')!)
    expect(document.querySelector('button[aria-label="Add Mira Sand"]')).toBeNull()
    fireEvent.submit(document.querySelector('form.event-editor')!)
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(saved[0]).toMatchObject({ people: ['Olek Petrenko'], organisations: ['Harbour Authority'], places: ['Odessa'] })
  })
})

describe('entity picker of the chronology filters', () => {
  it('finds entities by the start of any spelling and picks the one chosen, then offers to clear it', async () => {
    const picked: (number | null)[] = []
    const fake = mount(<EntityPicker id="about" picked="" onPick={(e) => picked.push(e?.id ?? null)} />, {
      listEntities: ({ prefix }) => ({ entities: prefix?.startsWith('Оле') ? [OLEK] : [], total: 1 })
    })
    const box = document.getElementById('about') as HTMLInputElement
    fireEvent.change(box, { target: { value: 'Оле' } })
    await find('#about-options option[value="Olek Petrenko (Person)"]')
    expect(fake.callsOf('listEntities').at(-1)).toMatchObject({ prefix: 'Оле' })
    fireEvent.change(box, { target: { value: 'Olek Petrenko (Person)' } })
    expect(picked).toEqual([1])
    cleanup()
    mount(<EntityPicker id="about" picked="Olek Petrenko" onPick={(e) => picked.push(e?.id ?? null)} />, {})
    fireEvent.click(document.querySelector('button[aria-label="Any entity, not only Olek Petrenko"]')!)
    expect(picked).toEqual([1, null])
  })
})
