import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  deriveEdtf,
  isCalendarDate,
  lastDayOf,
  edtfBounds,
  edtfSortKey,
  formatEdtf,
  humanizeEdtf,
  humanizeEdtfString,
  parseEdtf,
  type Edtf,
  type EdtfDate
} from '../../src/shared/edtf'

describe('parseEdtf', () => {
  it('reads every supported form with its bounds', () => {
    const cases: [string, string, string][] = [
      ['2021-08-15', '2021-08-15', '2021-08-15'],
      ['2021-08', '2021-08-01', '2021-08-31'],
      ['2021', '2021-01-01', '2021-12-31'],
      ['2020-02', '2020-02-01', '2020-02-29'],
      ['2021-08-30/2021-08-31', '2021-08-30', '2021-08-31'],
      ['2021-08-23~', '2021-08-23', '2021-08-23'],
      ['2021-08-23~/2021-08-29~', '2021-08-23', '2021-08-29'],
      ['2021-09-03?', '2021-09-03', '2021-09-03'],
      ['2021-09%', '2021-09-01', '2021-09-30'],
      ['2021-08-31T23:00+04:30', '2021-08-31', '2021-08-31'],
      ['2021-08-31T19:30:05Z', '2021-08-31', '2021-08-31'],
      ['2021-08-31T23:00', '2021-08-31', '2021-08-31'],
      ['../2021-08-31', '0000-01-01', '2021-08-31'],
      ['2021-08-30/..', '2021-08-30', '9999-12-31'],
      ['/2021', '0000-01-01', '2021-12-31'],
      ['201X', '2010-01-01', '2019-12-31'],
      ['20XX', '2000-01-01', '2099-12-31'],
      ['2021-XX', '2021-01-01', '2021-12-31'],
      ['2021-08-XX', '2021-08-01', '2021-08-31'],
      ['2021-XX-XX', '2021-01-01', '2021-12-31'],
      ['2021-21', '2021-03-01', '2021-05-31'],
      ['2021-22', '2021-06-01', '2021-08-31'],
      ['2021-23', '2021-09-01', '2021-11-30'],
      ['2023-24', '2023-12-01', '2024-02-29'],
      ['201X~', '2010-01-01', '2019-12-31'],
      ['2021-22/2021-09', '2021-06-01', '2021-09-30'],
      ['XXXX-03-17', '0000-01-01', '9999-12-31'],
      ['XXXX-03', '0000-01-01', '9999-12-31'],
      ['XXXX-02-29?', '0000-01-01', '9999-12-31']
    ]
    for (const [edtf, earliest, latest] of cases) {
      expect(edtfBounds(edtf), edtf).toEqual({ earliest, latest })
      expect(formatEdtf(parseEdtf(edtf)), edtf).toBe(edtf)
    }
  })

  it('keeps the time and offset', () => {
    const d = parseEdtf('2021-08-31T23:00+04:30') as EdtfDate
    expect(d.time).toEqual({ hour: 23, minute: 0, second: null, offsetMinutes: 270, utc: false })
    expect((parseEdtf('2021-08-31T23:00-03:00') as EdtfDate).time?.offsetMinutes).toBe(-180)
  })

  it('rejects what it cannot represent, saying why', () => {
    expect(() => parseEdtf('2021-13')).toThrow(/month 13 does not exist/)
    expect(() => parseEdtf('2021-02-29')).toThrow(/has no day 29/)
    expect(() => parseEdtf('2021-25')).toThrow(/level-2 seasons/)
    expect(() => parseEdtf('2021-21-01')).toThrow(/month 21 does not exist/)
    expect(() => parseEdtf('2X21')).toThrow(/unspecified digits \(X\) may only end a year/)
    expect(() => parseEdtf('202X-08')).toThrow(/cannot have a month/)
    expect(() => parseEdtf('2021-XX-15')).toThrow(/needs an unspecified day/)
    expect(() => parseEdtf('XXXX')).toThrow(/unknown year \(XXXX\) needs a known month/)
    expect(() => parseEdtf('XXXX-XX-17')).toThrow(/unknown year \(XXXX\) needs a known month/)
    expect(() => parseEdtf('XXXX-22')).toThrow(/cannot have a season/)
    expect(() => parseEdtf('XXXX-04-31')).toThrow(/has no day 31/)
    expect(() => parseEdtf('Y170000002')).toThrow(/outside 0000–9999/)
    expect(() => parseEdtf('-0100')).toThrow(/outside 0000–9999/)
    expect(() => parseEdtf('2021-08-31/2021-08-30')).toThrow(/ends before it starts/)
    expect(() => parseEdtf('2021-08-31T23:00~')).toThrow(/qualifiers/)
    expect(() => parseEdtf('2021-08T23:00')).toThrow(/full date/)
    expect(() => parseEdtf('../..')).toThrow(/at least one date/)
    expect(() => parseEdtf('last week')).toThrow(/not a supported EDTF date/)
    expect(edtfBounds('nonsense')).toBeNull()
  })
})

describe('edtfSortKey', () => {
  it('orders by earliest day, then precision, then time', () => {
    const written = [
      '2021-09-01',
      '2021-08-31T23:00+04:30',
      '2021-08-31',
      '2021-08',
      '2021-08-01',
      '2021',
      '2021-08-30/2021-08-31',
      '2021-08-23~/2021-08-29~',
      '2021-08-31T08:15Z',
      '../2021-07-01',
      '2020-12-31',
      'XXXX-01-05',
      '2021-22',
      'XXXX-03'
    ]
    const sorted = [...written].sort((a, b) => (edtfSortKey(parseEdtf(a)) < edtfSortKey(parseEdtf(b)) ? -1 : 1))
    expect(sorted).toEqual([
      '2020-12-31',
      '2021',
      '2021-22',
      '../2021-07-01',
      '2021-08',
      '2021-08-01',
      '2021-08-23~/2021-08-29~',
      '2021-08-30/2021-08-31',
      '2021-08-31',
      '2021-08-31T08:15Z',
      '2021-08-31T23:00+04:30',
      '2021-09-01',
      // Unknown years after every known one, by month and day.
      'XXXX-01-05',
      'XXXX-03'
    ])
  })

  it('derives what an event row stores', () => {
    expect(deriveEdtf(' 2021-08-15 ')).toEqual({
      edtf: '2021-08-15',
      earliest: '2021-08-15',
      latest: '2021-08-15',
      sortKey: '2021-08-15|2|--:--:--|2021-08-15'
    })
  })
})

describe('humanizeEdtf', () => {
  it('writes dates as a person would', () => {
    const cases: [string, string][] = [
      ['2021-08-15', '15 August 2021'],
      ['2021-08', 'August 2021'],
      ['2021', '2021'],
      ['2021-08-30/2021-08-31', '30–31 August 2021'],
      ['2021-08-30/2021-09-02', '30 August – 2 September 2021'],
      ['2021-08/2021-09', 'August–September 2021'],
      ['2020/2021', '2020–2021'],
      ['2020-12-30/2021-01-02', '30 December 2020 – 2 January 2021'],
      ['2021-08-23~/2021-08-29~', 'late August 2021 (approx.)'],
      ['2021-08-02~/2021-08-08~', 'early August 2021 (approx.)'],
      ['2021-08-01~/2021-08-20~', '1–20 August 2021 (approx.)'],
      ['2021-08-23~', 'c. 23 August 2021'],
      ['2021-09-03?', '3 September 2021 (uncertain)'],
      ['2021-09%', 'c. September 2021 (uncertain)'],
      ['2021-08-31T23:00+04:30', '31 August 2021, 23:00 (UTC+4:30)'],
      ['2021-08-31T21:30+03:00', '31 August 2021, 21:30 (UTC+3)'],
      ['2021-08-31T19:30Z', '31 August 2021, 19:30 (UTC)'],
      ['2021-08-31T23:00', '31 August 2021, 23:00'],
      ['2021-08-31T23:00-03:30', '31 August 2021, 23:00 (UTC−3:30)'],
      ['2021-08-30/2021-08-31?', '30 August 2021 – 31 August 2021 (uncertain)'],
      ['../2021-08-31', 'until 31 August 2021'],
      ['2021-08-30/..', 'from 30 August 2021'],
      ['2021-08-30/', '30 August 2021 – unknown end'],
      ['201X', '2010s'],
      ['20XX', '2000–2099'],
      ['2021-XX', '2021 (month unknown)'],
      ['2021-08-XX', 'August 2021 (day unknown)'],
      ['XXXX-03-17', '17 March (year unknown)'],
      ['XXXX-03', 'March (year unknown)'],
      ['XXXX-03-17?', '17 March (year unknown) (uncertain)'],
      ['2021-22', 'summer 2021'],
      ['2021-24?', 'winter 2021–22 (uncertain)'],
      ['2021-21/2021-22', 'spring 2021 – summer 2021']
    ]
    for (const [edtf, human] of cases) expect(humanizeEdtf(parseEdtf(edtf)), edtf).toBe(human)
    expect(humanizeEdtfString('not a date')).toBe('not a date')
  })
})

const dateArb: fc.Arbitrary<EdtfDate> = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    precision: fc.constantFrom('year', 'month', 'day'),
    x: fc.constantFrom('none', 'year1', 'year2', 'year4', 'month', 'day', 'season'),
    season: fc.constantFrom(21, 22, 23, 24),
    q: fc.constantFrom('', '~', '?', '%'),
    time: fc.option(
      fc.record({
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.option(fc.integer({ min: 0, max: 59 })),
        offset: fc.option(fc.integer({ min: -14 * 60, max: 14 * 60 })),
        utc: fc.boolean()
      })
    )
  })
  .map(({ year, month, day, precision, x, season, q, time }): EdtfDate => {
    const qualified = { approximate: q === '~' || q === '%', uncertain: q === '?' || q === '%', time: null }
    if (x === 'year1' || x === 'year2') {
      const digits = x === 'year1' ? 1 : 2
      const y = year - (year % 10 ** digits)
      return { type: 'date', year: y, month: null, day: null, precision: 'year', ...qualified, unspecified: { yearDigits: digits, month: false, day: false } }
    }
    if (x === 'year4') {
      const dated = precision === 'day'
      return { type: 'date', year: 0, month, day: dated ? day : null, precision: dated ? 'day' : 'month', ...qualified, unspecified: { yearDigits: 4, month: false, day: false } }
    }
    if (x === 'month') return { type: 'date', year, month: null, day: null, precision: 'year', ...qualified, unspecified: { yearDigits: 0, month: true, day: precision === 'day' } }
    if (x === 'day') return { type: 'date', year, month, day: null, precision: 'month', ...qualified, unspecified: { yearDigits: 0, month: false, day: true } }
    if (x === 'season' && year < 9999) return { type: 'date', year, month: null, day: null, precision: 'year', ...qualified, season: season as 21 | 22 | 23 | 24 }
    const timed = precision === 'day' && time !== null
    return {
      type: 'date',
      year,
      month: precision === 'year' ? null : month,
      day: precision === 'day' ? day : null,
      precision: precision as EdtfDate['precision'],
      approximate: !timed && (q === '~' || q === '%'),
      uncertain: !timed && (q === '?' || q === '%'),
      time: timed
        ? {
            hour: time.hour,
            minute: time.minute,
            second: time.second,
            offsetMinutes: time.utc ? 0 : time.offset,
            utc: time.utc
          }
        : null
    }
  })

const edtfArb: fc.Arbitrary<Edtf> = fc.oneof(
  dateArb,
  fc
    .tuple(dateArb, dateArb)
    .map(([a, b]): Edtf => {
      const [start, end] = edtfBounds(formatEdtf(a))!.earliest <= edtfBounds(formatEdtf(b))!.latest ? [a, b] : [b, a]
      return { type: 'interval', start, end }
    })
    .filter((v) => edtfBounds(formatEdtf(v)) !== null),
  dateArb.map((d): Edtf => ({ type: 'interval', start: { type: 'open' }, end: d })),
  dateArb.map((d): Edtf => ({ type: 'interval', start: d, end: { type: 'unknown' } }))
)

describe('EDTF round trip', () => {
  it('parse(format(v)) is v and format(parse(s)) is s', () => {
    fc.assert(
      fc.property(edtfArb, (v) => {
        const s = formatEdtf(v)
        expect(parseEdtf(s)).toEqual(v)
        expect(formatEdtf(parseEdtf(s))).toBe(s)
        expect(humanizeEdtf(v).length).toBeGreaterThan(0)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('calendar days', () => {
  it('knows which days exist, leap years included, in any year 0–9999', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true)
    expect(isCalendarDate(2023, 2, 29)).toBe(false)
    expect(isCalendarDate(1900, 2, 29)).toBe(false)
    expect(isCalendarDate(2000, 2, 29)).toBe(true)
    expect(isCalendarDate(44, 3, 15)).toBe(true)
    expect(isCalendarDate(2021, 4, 31)).toBe(false)
    expect(isCalendarDate(2021, 13, 1)).toBe(false)
    expect(isCalendarDate(2021, 1, 0)).toBe(false)
    expect(isCalendarDate(2021, 1, 1.5)).toBe(false)
  })

  it('gives the last day of a year or month typed as the end of a range', () => {
    expect(lastDayOf('2024-02')).toBe('2024-02-29')
    expect(lastDayOf('2023-02')).toBe('2023-02-28')
    expect(lastDayOf('2021-04')).toBe('2021-04-30')
    expect(lastDayOf('2021')).toBe('2021-12-31')
    expect(lastDayOf('2021-05-17')).toBe('2021-05-17')
    expect(lastDayOf('2021-13')).toBe('2021-13')
  })
})
