import { cleanup, fireEvent, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Facets } from '../../src/shared/search'
import { renderSearchPane, searchAnswer } from './support/search-pane'

afterEach(cleanup)

/** The search pane answering every query with `total` results and these facets, after a search. */
async function searched(total: number, facets: Partial<Facets>): Promise<HTMLElement> {
  const { container, box } = renderSearchPane((args) => searchAnswer(args.query, [1, 2], { total, facets }))
  fireEvent.change(box, { target: { value: 'talks' } })
  await waitFor(() => expect(container.querySelector('.facets')).not.toBeNull())
  return container
}

const envoys = { person: [{ value: 'Karimi', count: 412 }] }

describe('entity facets of a search', () => {
  it('say they were counted in a sample when the results outnumber it', async () => {
    const page = await searched(30412, { ...envoys, entitiesCounted: 2000 })
    expect(page.querySelector('.facet-note')?.textContent).toBe('People, organisations and places counted in an even sample of 2,000 of the 30,412 results.')
    expect(page.querySelector('#facet-person')?.textContent).toBe('People')
  })

  it('say nothing more when every result was counted, or when no names were found', async () => {
    expect((await searched(1800, { ...envoys, entitiesCounted: 1800 })).querySelector('.facet-note')).toBeNull()
    cleanup()
    expect((await searched(30412, { outlet: [{ value: 'Reuters', count: 9 }], entitiesCounted: 2000 })).querySelector('.facet-note')).toBeNull()
  })
})
