import { describe, expect, it } from 'vitest'
import { inferPublished, parseWrittenDate, toPublished } from '../../../../src/main/import/text/published'

const now = new Date('2026-11-21T10:00:00Z')

describe('inferPublished', () => {
  it('takes the year from a dateline that has one', () => {
    expect(inferPublished({ dateline: { month: 1, day: 5, year: 2021 }, lead: null, text: '', mtime: now, now })).toEqual({
      edtf: '2021-01-05',
      precision: 'day',
      provenance: 'dateline'
    })
  })

  it('picks the year in which the weekday named in the lead falls on the dateline day', () => {
    // 1 September 2021 was a Wednesday; so were 2027 (after the mtime) and 2010, further away.
    const published = inferPublished({ dateline: { month: 9, day: 1, year: null }, lead: 'the agency reported on Wednesday.', text: '', mtime: now, now })
    expect(published).toEqual({ edtf: '2021-09-01', precision: 'day', provenance: 'text' })
  })

  it('uses weekday-and-date pairs in the text, across New Year too', () => {
    // 28 December 2024 was a Saturday, so a 3 January dateline belongs to 2025.
    const p = inferPublished({ dateline: { month: 1, day: 3, year: null }, lead: '', text: 'on Saturday, December 28 the talks', mtime: now, now })
    expect(p?.edtf).toBe('2025-01-03')
  })

  it('never dates an article after its file was saved', () => {
    const mtime = new Date('2021-08-01T00:00:00Z')
    const p = inferPublished({ dateline: { month: 9, day: 1, year: null }, lead: '', text: '', mtime, now })
    expect(p).toEqual({ edtf: '2020-09-01?', precision: 'day', provenance: 'file' })
  })

  it('marks a year that only the file time supports as uncertain, provenance file', () => {
    const p = inferPublished({ dateline: { month: 8, day: 30, year: null }, lead: 'nothing here', text: 'nothing', mtime: new Date('2022-03-01'), now })
    expect(p).toEqual({ edtf: '2021-08-30?', precision: 'day', provenance: 'file' })
  })

  it('does not let a bare historical year decide', () => {
    const p = inferPublished({ dateline: { month: 9, day: 1, year: null }, lead: '', text: 'the late commander (1953-2001)', mtime: new Date('2022-03-01'), now })
    expect(p).toEqual({ edtf: '2021-09-01?', precision: 'day', provenance: 'file' })
  })

  it('counts years written with a month', () => {
    const p = inferPublished({ dateline: { month: 6, day: 2, year: null }, lead: '', text: 'Since March 2019 the plant has been idle.', mtime: now, now })
    expect(p).toEqual({ edtf: '2019-06-02', precision: 'day', provenance: 'text' })
  })

  it('without a dateline, one weekday-and-date pair suggests an uncertain year; two agreeing pairs settle it', () => {
    const one = inferPublished({ dateline: null, lead: null, text: 'on Saturday, August 21 and handed over', mtime: now, now })
    expect(one).toEqual({ edtf: '2021?', precision: 'year', provenance: 'text' })
    const two = inferPublished({ dateline: null, lead: null, text: 'on Saturday, August 21, then on Wednesday, September 1', mtime: now, now })
    expect(two).toEqual({ edtf: '2021', precision: 'year', provenance: 'text' })
  })

  it('does not move a historical text into recent years', () => {
    const text = 'The treaty of 1846 was ratified. On Monday, the 14th of December the Congress met, as in December 1847.'
    expect(inferPublished({ dateline: null, lead: null, text, mtime: now, now })).toBeNull()
    const older = 'The war ended in March 1848, after the campaign of December 1847.'
    const dated = inferPublished({ dateline: { month: 12, day: 5, year: null }, lead: '', text: older, mtime: now, now })
    expect(dated).toEqual({ edtf: '1848-12-05', precision: 'day', provenance: 'text' })
  })

  it('returns null when nothing supports a date', () => {
    expect(inferPublished({ dateline: null, lead: null, text: 'No dates here.', mtime: now, now })).toBeNull()
  })
})

describe('parseWrittenDate', () => {
  it.each([
    ['Wed, 01 Sep 2021 10:00:00 +0300', { year: 2021, month: 9, day: 1 }],
    ['2021-09-01T23:30:00-05:00', { year: 2021, month: 9, day: 1 }],
    ['September 1, 2021', { year: 2021, month: 9, day: 1 }],
    ['1 September 2021', { year: 2021, month: 9, day: 1 }],
    ['1 сентября 2021', { year: 2021, month: 9, day: 1 }],
    ['01.09.2021', { year: 2021, month: 9, day: 1 }],
    ['September 2021', { year: 2021, month: 9, day: null }],
    ['2021', { year: 2021, month: null, day: null }],
    ['2021-02-30', null],
    ['yesterday', null]
  ])('%s', (input, expected) => {
    expect(parseWrittenDate(input)).toEqual(expected)
  })

  it('formats EDTF by precision', () => {
    expect(toPublished({ year: 2021, month: 9, day: null }, 'meta')).toEqual({ edtf: '2021-09', precision: 'month', provenance: 'meta' })
    expect(toPublished({ year: 2021, month: null, day: null }, 'text', true)).toEqual({ edtf: '2021?', precision: 'year', provenance: 'text' })
  })
})
