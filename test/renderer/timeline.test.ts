import { describe, expect, it } from 'vitest'
import { axisContext, axisTicks, dayNumber, dayString, layoutLanes, zoomAnchor, zoomView } from '../../src/renderer/src/lib/timeline'

describe('day numbers', () => {
  it('round-trip through dates, leap days included', () => {
    for (const d of ['1970-01-01', '2021-08-15', '2024-02-29', '1999-12-31']) expect(dayString(dayNumber(d))).toBe(d)
    expect(dayNumber('2021-08-16') - dayNumber('2021-08-15')).toBe(1)
  })
})

describe('layoutLanes', () => {
  const label = (): number => 50
  it('puts overlapping spans (labels included) on different lanes and reuses freed lanes', () => {
    const d = dayNumber('2023-10-01')
    const spans = [
      { id: 1, start: d, end: d + 1 },
      { id: 2, start: d + 1, end: d + 2 },
      { id: 3, start: d + 60, end: d + 61 }
    ]
    const placed = layoutLanes(spans, d - 1, d + 99, 1000, label, 10)
    const lane = (id: number): number => placed.find((p) => p.id === id)!.lane
    expect(lane(1)).toBe(0)
    expect(lane(2)).toBe(1)
    expect(lane(3)).toBe(0)
  })

  it('skips spans outside the window and never exceeds the lane limit', () => {
    const d = dayNumber('2023-10-01')
    const spans = Array.from({ length: 2000 }, (_, i) => ({ id: i, start: d + (i % 30), end: d + (i % 30) + 1 }))
    const placed = layoutLanes([...spans, { id: -1, start: d + 500, end: d + 501 }], d, d + 30, 800, label, 12)
    expect(placed.some((p) => p.id === -1)).toBe(false)
    expect(placed).toHaveLength(2000)
    expect(Math.max(...placed.map((p) => p.lane))).toBeLessThan(12)
  })

  it('draws a range as a bar from its first day to the day after its last', () => {
    const d = dayNumber('2023-10-24')
    const [p] = layoutLanes([{ id: 1, start: d, end: d + 2 }], d, d + 10, 1000, label, 5)
    expect(p!.x0).toBe(0)
    expect(p!.x1).toBe(200)
  })
})

describe('axisTicks', () => {
  it('uses years for decades, months for a year or two, days or weeks for a month', () => {
    const from = dayNumber('2000-01-01')
    expect(axisTicks(from, dayNumber('2030-01-01'), 800).every((t) => /^\d{4}$/.test(t.label))).toBe(true)
    const months = axisTicks(dayNumber('2023-01-01'), dayNumber('2024-06-01'), 800)
    expect(months.map((t) => t.label)).toContain('Jan 2024')
    expect(months.map((t) => t.label)).toContain('Jun')
    const days = axisTicks(dayNumber('2023-10-20'), dayNumber('2023-11-05'), 800)
    expect(days.find((t) => t.major)?.label).toBe('Nov 2023')
    expect(days.some((t) => t.label === '25')).toBe(true)
  })

  it('names the month or year the window starts in, which its ticks name only where it changes', () => {
    // Days inside one month: no tick says which month of which year.
    const from = dayNumber('2021-08-10')
    const to = dayNumber('2021-08-25')
    expect(axisTicks(from, to, 800).some((t) => t.major)).toBe(false)
    expect(axisContext(from, to, 800)).toBe('Aug 2021')
    expect(axisContext(dayNumber('2023-10-20'), dayNumber('2023-11-05'), 800)).toBe('Oct 2023')
    // Months within one year.
    const months = [dayNumber('2023-03-01'), dayNumber('2023-11-01')] as const
    expect(axisTicks(...months, 800).some((t) => /\d{4}/.test(t.label))).toBe(false)
    expect(axisContext(...months, 800)).toBe('2023')
    // Years name themselves.
    expect(axisContext(dayNumber('2000-01-01'), dayNumber('2030-01-01'), 800)).toBeNull()
  })
})

describe('zooming', () => {
  const d = dayNumber('2023-10-01')
  const spans = [
    { id: 1, start: d + 2, end: d + 3 },
    { id: 2, start: d + 20, end: d + 21 },
    { id: 3, start: d + 40, end: d + 41 }
  ]
  const fitted: [number, number] = [d, d + 50]

  it('keeps the first event in view where it was when nothing is selected, so zooming in from Fit loses none on the left', () => {
    const at = zoomAnchor(fitted, spans, null)
    expect(at).toBe(d + 2)
    let view = fitted
    for (let i = 0; i < 4; i++) view = zoomView(view, 0.5, zoomAnchor(view, spans, null))
    expect(view[0]).toBeLessThanOrEqual(d + 2)
    expect(view[1]).toBeGreaterThan(d + 3)
    // The anchor day sits at the same fraction of the width before and after.
    expect((d + 2 - view[0]) / (view[1] - view[0])).toBeCloseTo((d + 2 - fitted[0]) / (fitted[1] - fitted[0]))
  })

  it('zooms around the selected event when it is in view, and the middle when nothing is', () => {
    expect(zoomAnchor(fitted, spans, 3)).toBe(d + 40)
    expect(zoomAnchor([d + 100, d + 200], spans, 3)).toBe(d + 150)
  })

  it('keeps the width between two days and two hundred years', () => {
    expect(zoomView(fitted, 0.0001, d)[1] - zoomView(fitted, 0.0001, d)[0]).toBe(2)
    expect(zoomView(fitted, 1e9, d)[1] - zoomView(fitted, 1e9, d)[0]).toBe(365 * 200)
  })
})
