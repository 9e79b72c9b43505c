import { cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChronologyEvent } from '../../src/shared/chronology'
import type { MapPlace } from '../../src/shared/entities'
import { DataProvider } from '../../src/renderer/src/data/DataProvider'
import { zoomAround, WHOLE } from '../../src/renderer/src/lib/usePanZoom'
import { countryOutlines, MAP_HEIGHT, MAP_WIDTH, projectPoint } from '../../src/renderer/src/lib/worldMap'
import { eventSpan, MapView } from '../../src/renderer/src/views/map/MapView'
import { fakeClient } from './support/fake-client'

afterEach(cleanup)
beforeEach(() => localStorage.clear())

function place(id: number, name: string, lat: number, lon: number, articles: number, events: MapPlace['events'] = []): MapPlace {
  return { entity: { id, kind: 'place', name, aliases: [name], mentions: articles, articles, hidden: false, lat, lon, country: null }, articles, events }
}
const ODESA = place(3, 'Odesa', 46.48, 30.72, 4, [{ id: 40, title: 'Talks at the port', date: '2024-05-02' }])
const LISBON = place(5, 'Lisbon', 38.72, -9.14, 1)

describe('world map', () => {
  it('draws the bundled countries and puts places where they are', () => {
    const outlines = countryOutlines()
    expect(outlines.length).toBeGreaterThan(150)
    expect(outlines.every((c) => c.d.startsWith('M'))).toBe(true)
    const [x0, y0] = projectPoint(0, 0)!
    expect([Math.round(x0), Math.round(y0)]).toEqual([MAP_WIDTH / 2, MAP_HEIGHT / 2])
    const [xo, yo] = projectPoint(30.72, 46.48)!
    const [xl] = projectPoint(-9.14, 38.72)!
    // East of Lisbon, north of the equator.
    expect(xo).toBeGreaterThan(xl)
    expect(yo).toBeLessThan(y0)
  })

  it('zooms around the point under the pointer and never out past the whole world', () => {
    const v = zoomAround(WHOLE, 2, 100, 50)
    expect(v).toEqual({ k: 2, x: -100, y: -50 })
    // The point stays put on screen: map point 100 drawn at 100 * k + x.
    expect(100 * v.k + v.x).toBe(100)
    expect(zoomAround(v, 0.1, 300, 300)).toEqual(WHOLE)
  })
})

describe('Map view', () => {
  it('asks for the places in the date range, sizes dots by articles and opens a place on a click', async () => {
    const opened: number[] = []
    const fake = fakeClient({ mapPlaces: ({ from }) => (from ? [ODESA] : [ODESA, LISBON]) })
    const view = render(
      <DataProvider client={fake.client}>
        <MapView chronologies={[]} onOpenEntity={(id) => opened.push(id)} onOpenEvent={() => undefined} />
      </DataProvider>
    )
    await waitFor(() => expect(view.container.querySelectorAll('.map-dot')).toHaveLength(2))
    const r = (id: number): number => Number(view.container.querySelector(`[data-place="${id}"]`)!.getAttribute('r'))
    expect(r(3)).toBeGreaterThan(r(5))
    expect(view.getAllByTestId('map-place').map((li) => li.textContent)).toEqual(['Odesa 4 articlesTalks at the port 2 May 2024', 'Lisbon 1 article'])

    fireEvent.change(view.getByLabelText('From'), { target: { value: '2024-05-01' } })
    await waitFor(() => expect(view.container.querySelectorAll('.map-dot')).toHaveLength(1))
    expect(fake.callsOf('mapPlaces').at(-1)).toEqual({ from: '2024-05-01' })
    fireEvent.click(view.container.querySelector('[data-place="3"]')!)
    expect(opened).toEqual([3])
  })
})

describe('a chronology’s dates as the map’s range', () => {
  const at = (earliest: string, latest: string) => ({ date: { edtf: '', earliest, latest } })
  it('spans the first possible day to the last of its events', () => {
    expect(eventSpan([])).toBeNull()
    expect(eventSpan([at('2024-06-01', '2024-06-30'), at('2024-03-05', '2024-03-05'), at('2024-09-20', '2024-09-20')])).toEqual({ from: '2024-03-05', to: '2024-09-20' })
  })

  it('fills From and To from the chosen chronology with one click', async () => {
    localStorage.clear()
    const fake = fakeClient({
      mapPlaces: () => [ODESA],
      listEvents: () => [at('2024-05-02', '2024-05-02'), at('2024-04-01', '2024-04-30')] as unknown as ChronologyEvent[]
    })
    const view = render(
      <DataProvider client={fake.client}>
        <MapView chronologies={[{ id: 7, name: 'Port strike', description: '', eventCount: 2, createdAt: '', updatedAt: '' }]} onOpenEntity={() => undefined} onOpenEvent={() => undefined} />
      </DataProvider>
    )
    fireEvent.change(view.getByLabelText('Chronology'), { target: { value: '7' } })
    fireEvent.click(await view.findByRole('button', { name: 'Chronology’s dates' }))
    await waitFor(() => expect(fake.callsOf('mapPlaces').at(-1)).toEqual({ chronologyId: 7, from: '2024-04-01', to: '2024-05-02' }))
    expect(fake.callsOf('listEvents')).toEqual([{ chronologyId: 7 }])
  })
})
