import { describe, expect, it } from 'vitest'
import type { ChronologyEvent } from '../../src/shared/chronology'
import { groupEvents, groupKey } from '../../src/renderer/src/lib/months'

const ev = (id: number, edtf: string, earliest: string): ChronologyEvent =>
  ({ id, title: `e${id}`, date: { edtf, earliest, latest: earliest } }) as ChronologyEvent

describe('grouping events under headings', () => {
  it('uses the month, or the year for year-precision dates', () => {
    expect(groupKey(ev(1, '2023-10-14', '2023-10-14'))).toBe('2023-10')
    expect(groupKey(ev(1, '2023-10', '2023-10-01'))).toBe('2023-10')
    expect(groupKey(ev(1, '2023-10-24/2023-10-25', '2023-10-24'))).toBe('2023-10')
    expect(groupKey(ev(1, '2023', '2023-01-01'))).toBe('2023')
    expect(groupKey(ev(1, '2021-08-31T23:00+04:30', '2021-08-31'))).toBe('2021-08')
    // Unknown year: one "Year unknown" heading, never "January 0000".
    expect(groupKey(ev(1, 'XXXX-03-17', '0000-01-01'))).toBe('XXXX')
  })

  it('keeps the given order and groups consecutive runs', () => {
    const groups = groupEvents([ev(1, '2023', '2023-01-01'), ev(2, '2023-10', '2023-10-01'), ev(3, '2023-10-02', '2023-10-02'), ev(4, '2023-11-08', '2023-11-08')])
    expect(groups.map((g) => [g.key, g.events.map((e) => e.id)])).toEqual([
      ['2023', [1]],
      ['2023-10', [2, 3]],
      ['2023-11', [4]]
    ])
  })
})
