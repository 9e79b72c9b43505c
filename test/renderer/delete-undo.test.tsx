import { act, cleanup, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useDeleteArticles } from '../../src/renderer/src/lib/useDeleteArticles'
import { fakeClient } from './support/fake-client'
import { renderWithData } from './support/render'

afterEach(cleanup)

function archive() {
  let nextAction = 41
  return fakeClient({
    deleteArticles: ({ ids }) => ({
      deleted: ids.filter((id) => id !== 9).map((id) => ({ id, title: `article ${id}` })),
      refused: ids.includes(9) ? [{ id: 9, title: 'article 9', reason: '“article 9” is cited by event “Gates opened”' }] : [],
      actionId: ++nextAction
    }),
    undo: () => ({ label: 'Delete 2 articles', canUndo: true, canRedo: true })
  })
}

describe('delete notice', () => {
  it('undoes exactly the deletion it announced, and goes', async () => {
    const fake = archive()
    const view = renderWithData(() => useDeleteArticles(null, () => undefined), fake.client)
    await act(() => view.result.current.deleteArticles([1, 2]))
    expect(view.result.current.notice?.text).toBe('Deleted 2 articles.')
    // The deletion's own change event arrives after its answer: the notice stays.
    act(() => fake.emit('chronologyChanged', { action: 'deleteArticles', eventIds: [], articleIds: [1, 2], actionId: 42 }))
    expect(view.result.current.notice?.text).toBe('Deleted 2 articles.')

    act(() => view.result.current.notice!.undo())
    await waitFor(() => expect(fake.callsOf('undo')).toEqual([{ actionId: 42 }]))
    expect(view.result.current.notice).toBeNull()
  })

  it('goes with the next change, so its Undo never reverses something else', async () => {
    const fake = archive()
    const view = renderWithData(() => useDeleteArticles(null, () => undefined), fake.client)
    await act(() => view.result.current.deleteArticles([3]))
    expect(view.result.current.notice?.text).toBe('Deleted 1 article.')
    act(() => fake.emit('chronologyChanged', { action: 'createChronology', eventIds: [], articleIds: [] }))
    expect(view.result.current.notice).toBeNull()
    expect(fake.callsOf('undo')).toEqual([])
  })

  it('closes the deleted open article and names what was refused', async () => {
    const fake = archive()
    let closed = 0
    const view = renderWithData(() => useDeleteArticles(4, () => closed++), fake.client)
    await act(() => view.result.current.deleteArticles([4, 9]))
    expect(closed).toBe(1)
    expect(view.problems.get()).toBe('Not deleted: “article 9” is cited by event “Gates opened”.')
    expect(view.result.current.notice?.text).toBe('Deleted 1 article.')
  })
})
