import { act, cleanup, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChronologyEvent, ChronologyChange } from '../../src/shared/chronology'
import type { ArticleDetail, ArticlePage } from '../../src/shared/types'
import { useApiQuery } from '../../src/renderer/src/data/hooks'
import { useArticlePages } from '../../src/renderer/src/lib/useArticlePages'
import { useOpenArticle } from '../../src/renderer/src/lib/useOpenArticle'
import { useChronology } from '../../src/renderer/src/views/chronology/useChronology'
import { fakeClient } from './support/fake-client'
import { renderWithData } from './support/render'

afterEach(() => {
  cleanup()
  localStorage.clear()
})

const event = (id: number): ChronologyEvent => ({ id, title: `event ${id}`, citations: [] }) as unknown as ChronologyEvent
const article = (id: number): ArticleDetail => ({ id, title: `article ${id}`, text: '', paragraphs: [] }) as unknown as ArticleDetail

function archive() {
  return fakeClient({
    listChronologies: () => [],
    listEvents: () => [event(5), event(6)],
    undoState: () => ({ label: null, canUndo: false, canRedo: false }),
    getEvent: ({ id }) => event(id),
    getArticle: ({ id }) => article(id),
    listArticleCitations: () => [],
    articleMentions: () => [],
    listArticles: () => ({ items: [], total: 0 }) as unknown as ArticlePage
  })
}

/** The Library, the open article 1, the chronology and two events' own answers, all on screen. */
function useWorkbench(): void {
  useChronology()
  useOpenArticle(1, '', false, () => undefined)
  useArticlePages('imported', 'desc')
  useApiQuery('getEvent', { id: 5 })
  useApiQuery('getEvent', { id: 6 })
}

/** What was asked again after a change, as `method` or `method id`. */
async function refetchedAfter(change: ChronologyChange): Promise<string[]> {
  const fake = archive()
  const view = renderWithData(useWorkbench, fake.client)
  await waitFor(() => expect(fake.callsOf('getArticle')).toHaveLength(1))
  await waitFor(() => expect(view.queryClient.isFetching()).toBe(0))
  fake.calls.length = 0
  act(() => fake.emit('chronologyChanged', change))
  await waitFor(() => expect(fake.calls.length).toBeGreaterThan(0))
  await waitFor(() => expect(view.queryClient.isFetching()).toBe(0))
  return fake.calls.map((c) => {
    const args = c.args as { id?: number; articleId?: number }
    const id = args.id ?? args.articleId
    return id === undefined ? c.method : `${c.method} ${id}`
  }).sort()
}

describe('targeted invalidation', () => {
  it('an event edit asks again for that event and the event lists, no article', async () => {
    expect(await refetchedAfter({ action: 'updateEvent', eventIds: [5], articleIds: [] })).toEqual(['getEvent 5', 'listChronologies', 'listEvents', 'undoState'])
  })

  it('an article edit asks again for that article, its citations and the lists showing it, no event', async () => {
    expect(await refetchedAfter({ action: 'updateArticle', eventIds: [], articleIds: [1] })).toEqual([
      'articleMentions 1',
      'getArticle 1',
      'listArticleCitations 1',
      'listArticles',
      'listChronologies',
      'listEvents',
      'undoState'
    ])
  })

  it('an edit of another article leaves the open one alone', async () => {
    const refetched = await refetchedAfter({ action: 'setArticleTags', eventIds: [], articleIds: [2] })
    expect(refetched).not.toContain('getArticle 1')
    expect(refetched).not.toContain('listArticleCitations 1')
    expect(refetched).toContain('listArticles')
  })

  it('a change that names nothing (undo, redo) asks again for everything on screen', async () => {
    expect(await refetchedAfter({ action: 'undo', eventIds: [], articleIds: [] })).toEqual([
      'articleMentions 1',
      'getArticle 1',
      'getEvent 5',
      'getEvent 6',
      'listArticleCitations 1',
      'listArticles',
      'listChronologies',
      'listEvents',
      'undoState'
    ])
  })

  it('asks again for entity answers once a job stops, not while it runs, and leaves article reads alone', async () => {
    const fake = fakeClient({
      listEntities: () => ({ entities: [], total: 0 }),
      articleMentions: () => [],
      getArticle: ({ id }) => article(id)
    })
    const view = renderWithData(() => {
      useApiQuery('listEntities', { kind: 'person' })
      useApiQuery('articleMentions', { articleId: 1 })
      useApiQuery('getArticle', { id: 1 })
    }, fake.client)
    await waitFor(() => expect(fake.calls).toHaveLength(3))
    await waitFor(() => expect(view.queryClient.isFetching()).toBe(0))
    fake.calls.length = 0
    const progress = { jobId: 'j', done: 1, total: 2, entities: 3, mentions: 4 }
    act(() => fake.emit('entitiesProgress', { ...progress, state: 'running' }))
    act(() => fake.emit('entitiesProgress', { ...progress, done: 2, state: 'done' }))
    await waitFor(() => expect(fake.calls.length).toBe(2))
    await waitFor(() => expect(view.queryClient.isFetching()).toBe(0))
    expect(fake.calls.map((c) => c.method).sort()).toEqual(['articleMentions', 'listEntities'])
  })
})
