import { act, cleanup, fireEvent, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { SearchQuery, SearchResult } from '../../src/shared/search'
import { deferred } from './support/fake-client'
import { renderSearchPane, searchAnswer as answer } from './support/search-pane'

afterEach(cleanup)

/** The search pane over a backend whose answers the test releases, recording what Enter opened. */
function setup() {
  const pending: { args: SearchQuery; release(ids: number[]): void }[] = []
  const opened: number[] = []
  const { box } = renderSearchPane(
    (args) => {
      const d = deferred<SearchResult>()
      pending.push({ args, release: (ids) => d.resolve(answer(args.query, ids)) })
      return d.promise
    },
    (id) => opened.push(id)
  )
  return { pending, opened, box }
}

describe('Enter in the search box', () => {
  it('opens the top hit of the whole query, not of the answer to a part of it still on screen', async () => {
    const { pending, opened, box } = setup()
    fireEvent.change(box, { target: { value: 'convoy' } })
    await waitFor(() => expect(pending).toHaveLength(1))
    await act(async () => pending[0]!.release([7]))
    fireEvent.change(box, { target: { value: 'convoy permits' } })
    await waitFor(() => expect(pending).toHaveLength(2))
    // The answer to "convoy" is on screen; the one to "convoy permits" is still coming.
    fireEvent.keyDown(box, { key: 'Enter' })
    expect(opened).toEqual([])
    await act(async () => pending[1]!.release([9, 7]))
    await waitFor(() => expect(opened).toEqual([9]))
  })

  it('opens the active hit at once when the answer is in, and forgets an Enter the typing went past', async () => {
    const { pending, opened, box } = setup()
    fireEvent.change(box, { target: { value: 'convoy' } })
    await waitFor(() => expect(pending).toHaveLength(1))
    fireEvent.keyDown(box, { key: 'Enter' })
    fireEvent.change(box, { target: { value: 'convoy permits' } })
    await act(async () => pending[0]!.release([7]))
    await waitFor(() => expect(pending).toHaveLength(2))
    await act(async () => pending[1]!.release([9]))
    await new Promise((r) => setTimeout(r, 20))
    expect(opened).toEqual([])
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    fireEvent.keyDown(box, { key: 'Enter' })
    expect(opened).toEqual([9])
  })
})
