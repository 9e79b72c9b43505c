import { describe, expect, it } from 'vitest'
import { selectEvents } from '../../../src/main/export/select'
import { fixtureEvents } from '../../fixtures/export/chronology'

const ids = (options: Parameters<typeof selectEvents>[1]) => selectEvents(fixtureEvents, options).map((e) => e.id)

describe('export event selection', () => {
  it('orders by earliest day, coarser precision first, untimed before timed, then id', () => {
    // 2021 (year) < 2021-07 < 2021-08 (month) < 15 Aug < 23–29 Aug < 30–31 Aug < 31 Aug 23:00 < 3 Sep? < 6 Sep < 6 Sep 09:30Z
    expect(ids({})).toEqual([10, 18, 11, 12, 13, 14, 15, 17, 16, 19])
  })

  it('keeps one chronology', () => {
    expect(ids({ chronologyId: 2 })).toEqual([18])
    expect(ids({ chronologyId: 1 })).not.toContain(18)
  })

  it('keeps events that can fall inside the date range, at any precision', () => {
    // The year-long and month-long events overlap 30 August; the approximate week ends on the 29th.
    expect(ids({ from: '2021-08-30', to: '2021-08-31' })).toEqual([10, 11, 14, 15])
    expect(ids({ from: '2021-09' })).toEqual([10, 17, 16, 19])
    expect(ids({ to: '2021-07' })).toEqual([10, 18])
  })

  it('puts an event of unknown year last and in no date range', () => {
    const yearless = { ...fixtureEvents[0]!, id: 99, date: { edtf: 'XXXX-08-30', earliest: '0000-01-01', latest: '9999-12-31' } }
    const all = selectEvents([...fixtureEvents, yearless], {}).map((e) => e.id)
    expect(all.at(-1)).toBe(99)
    expect(selectEvents([...fixtureEvents, yearless], { from: '2021-08-30', to: '2021-08-31' }).map((e) => e.id)).not.toContain(99)
  })

  it('keeps events with any of the tags (case-insensitive) and any of the statuses', () => {
    expect(ids({ tags: ['TALKS', 'kabul'] })).toEqual([11, 12, 13])
    expect(ids({ statuses: ['disputed', 'denied'] })).toEqual([17, 16, 19])
    expect(ids({ tags: ['claims'], statuses: ['denied'] })).toEqual([17])
    expect(ids({ tags: [], statuses: [] })).toHaveLength(fixtureEvents.length)
  })

  it('refuses a range that is not a date or ends before it starts', () => {
    expect(() => ids({ from: 'August' })).toThrow(/--from "August" is not a date/)
    expect(() => ids({ from: '2021-09', to: '2021-08' })).toThrow(/is after --to/)
  })
})
