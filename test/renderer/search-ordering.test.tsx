import { act, cleanup, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { SearchQuery, SearchResult } from '../../src/shared/search'
import { useSearch } from '../../src/renderer/src/views/search/useSearch'
import { deferred, fakeClient } from './support/fake-client'
import { renderWithData } from './support/render'

afterEach(cleanup)

const answer = (text: string, total: number): SearchResult => ({ query: { text }, total, hits: [], facets: {}, expansions: {} }) as unknown as SearchResult

/** A search backend whose answers the test releases one by one, in any order. */
function slowSearch() {
  const pending: { args: SearchQuery; release(total: number): void }[] = []
  const fake = fakeClient({
    search: (args) => {
      const d = deferred<SearchResult>()
      pending.push({ args, release: (total) => d.resolve(answer(args.query, total)) })
      return d.promise
    }
  })
  return { fake, pending }
}

const typed = (query: string): { q: SearchQuery } => ({ q: { query, fuzzy: false, sort: 'rank' } })

describe('search as you type', () => {
  it('asks for the latest text once the running search answers, never for the keystrokes between', async () => {
    const { fake, pending } = slowSearch()
    const view = renderWithData(({ q }: { q: SearchQuery }) => useSearch(q, 20), fake.client, typed('ka'))
    await waitFor(() => expect(pending).toHaveLength(1))
    view.rerender(typed('kab'))
    view.rerender(typed('kabu'))
    view.rerender(typed('kabul'))
    expect(fake.callsOf('search').map((a) => a.query)).toEqual(['ka'])
    expect(view.result.current.pending).toBe(true)

    await act(async () => pending[0]!.release(7))
    await waitFor(() => expect(pending).toHaveLength(2))
    expect(fake.callsOf('search').map((a) => a.query)).toEqual(['ka', 'kabul'])
    // Meanwhile the last answer stays on screen, saying which text it answers.
    expect(view.result.current.answered).toBe('ka')

    await act(async () => pending[1]!.release(3))
    await waitFor(() => expect(view.result.current.answered).toBe('kabul'))
    expect(view.result.current.result?.total).toBe(3)
    expect(view.result.current.pending).toBe(false)
  })

  it('keeps the newer answer when a slow answer from before an archive change arrives after it', async () => {
    const { fake, pending } = slowSearch()
    const view = renderWithData(({ q }: { q: SearchQuery }) => useSearch(q, 20), fake.client, typed('kabul'))
    await waitFor(() => expect(pending).toHaveLength(1))
    await act(async () => pending[0]!.release(10))
    await waitFor(() => expect(view.result.current.result?.total).toBe(10))
    // Two imports land one after the other: the same text is asked again after each.
    act(() => fake.emit('chronologyChanged', { action: 'updateArticle', eventIds: [], articleIds: [4] }))
    await waitFor(() => expect(pending).toHaveLength(2))
    act(() => fake.emit('chronologyChanged', { action: 'updateArticle', eventIds: [], articleIds: [5] }))
    await waitFor(() => expect(pending).toHaveLength(3))

    await act(async () => pending[2]!.release(12))
    await waitFor(() => expect(view.result.current.result?.total).toBe(12))
    // The slower answer describes the archive before the second change.
    await act(async () => pending[1]!.release(11))
    await new Promise((r) => setTimeout(r, 20))
    expect(view.result.current.result?.total).toBe(12)
  })

  it('does not take a first answer that was asked before a change', async () => {
    const { fake, pending } = slowSearch()
    const view = renderWithData(({ q }: { q: SearchQuery }) => useSearch(q, 20), fake.client, typed('kabul'))
    await waitFor(() => expect(pending).toHaveLength(1))
    act(() => fake.emit('chronologyChanged', { action: 'updateArticle', eventIds: [], articleIds: [4] }))
    await waitFor(() => expect(pending).toHaveLength(2))
    await act(async () => pending[0]!.release(11))
    await new Promise((r) => setTimeout(r, 20))
    expect(view.result.current.result).toBeNull()
    await act(async () => pending[1]!.release(12))
    await waitFor(() => expect(view.result.current.result?.total).toBe(12))
  })

  it('shows nothing for an empty box, and no answer from before it was cleared', async () => {
    const { fake, pending } = slowSearch()
    const view = renderWithData(({ q }: { q: SearchQuery }) => useSearch(q, 20), fake.client, typed('kabul'))
    await waitFor(() => expect(pending).toHaveLength(1))
    await act(async () => pending[0]!.release(5))
    await waitFor(() => expect(view.result.current.answered).toBe('kabul'))
    view.rerender(typed(''))
    expect(view.result.current.result).toBeNull()
    view.rerender(typed('herat'))
    await waitFor(() => expect(pending).toHaveLength(2))
    expect(view.result.current.result).toBeNull()
    await act(async () => pending[1]!.release(2))
    await waitFor(() => expect(view.result.current.answered).toBe('herat'))
  })
})
