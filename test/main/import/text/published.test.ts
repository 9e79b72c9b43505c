import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MONTH_PATTERN, WEEKDAY_PATTERN, monthNumber, weekdayNumber } from '../../../../src/main/import/text/months'
import { inferPublished, parseWrittenDate, toPublished, weekdayPairs, type WeekdayPair } from '../../../../src/main/import/text/published'

const now = new Date('2026-11-21T10:00:00Z')

describe('inferPublished', () => {
  it('takes the year from a dateline that has one', () => {
    expect(inferPublished({ dateline: { month: 1, day: 5, year: 2021 }, text: '', mtime: now, now })).toEqual({
      edtf: '2021-01-05',
      precision: 'day',
      provenance: 'dateline'
    })
  })

  it('takes a day no year has ("May 45") for no dateline date at all, never an impossible XXXX-05-45', () => {
    expect(inferPublished({ dateline: { month: 5, day: 45, year: null }, text: 'Figures for May 45 were revised.', mtime: null, now })).toBeNull()
    expect(inferPublished({ dateline: { month: 2, day: 30, year: 2021 }, text: '', mtime: null, now })).toBeNull()
    // 29 February exists in some years: the dispatch keeps its day and month.
    expect(inferPublished({ dateline: { month: 2, day: 29, year: null }, text: '', mtime: null, now })?.edtf).toMatch(/^(XXXX|\d{4})-02-29/)
  })

  it('never lets a weekday on its own decide the year', () => {
    // 17 March 2018 was a Saturday; the text's Saturday is a day near the dispatch, not its day.
    const text = 'PORTO, March 17. Engineers opened the spillway gates on Saturday morning after the river rose.'
    const mtime = new Date('2024-05-02T08:00:00Z')
    const p = inferPublished({ dateline: { month: 3, day: 17, year: null }, text, mtime, now })
    expect(p).toEqual({ edtf: '2024-03-17?', precision: 'day', provenance: 'file' })
  })

  it('guesses from the day of import when the file has no time, and says so', () => {
    const p = inferPublished({ dateline: { month: 3, day: 17, year: null }, text: 'The ferry resumed on Saturday.', mtime: null, now })
    expect(p).toEqual({ edtf: '2026-03-17?', precision: 'day', provenance: 'import' })
  })

  it('decides the year from a weekday tied to the dispatch date: the latest such year not after the file', () => {
    // 17 March was a Saturday in 2018, 2029, 2035 …; 2029 is after the file was saved.
    const text = 'PORTO, Saturday, March 17. The gates were opened at dawn.'
    const p = inferPublished({ dateline: { month: 3, day: 17, year: null }, text, mtime: new Date('2024-05-02T08:00:00Z'), now })
    expect(p).toEqual({ edtf: '2018-03-17', precision: 'day', provenance: 'weekday' })
  })

  it('takes the year from a capture a few days after the dateline day, and only then', () => {
    const dispatch = { dateline: { month: 3, day: 17, year: null }, text: 'on Saturday morning', mtime: now, now }
    expect(inferPublished({ ...dispatch, captured: new Date('2023-03-19T08:00:00Z') })).toEqual({ edtf: '2023-03-17', precision: 'day', provenance: 'capture' })
    // Across New Year: a 30 December dispatch captured on 4 January.
    expect(inferPublished({ ...dispatch, dateline: { month: 12, day: 30, year: null }, captured: new Date('2024-01-04T08:00:00Z') })?.edtf).toBe('2023-12-30')
    // Captured half a year later: the capture proves nothing about the year.
    expect(inferPublished({ ...dispatch, captured: new Date('2023-09-19T08:00:00Z') })?.provenance).toBe('file')
  })

  it('uses weekday-and-date pairs in the text, across New Year too', () => {
    // 28 December 2024 was a Saturday, so a 3 January dateline belongs to 2025.
    const p = inferPublished({ dateline: { month: 1, day: 3, year: null }, text: 'on Saturday, December 28 the talks', mtime: now, now })
    expect(p).toEqual({ edtf: '2025-01-03', precision: 'day', provenance: 'weekday' })
  })

  it('ignores a weekday-and-date pair months away from the dispatch, which may be a past event', () => {
    // 7 December was a Sunday in 2014; a March dispatch recalling it says nothing of its own year.
    const text = 'PORTO, March 17. The flood was the worst since Sunday, December 7, when the quays went under.'
    const p = inferPublished({ dateline: { month: 3, day: 17, year: null }, text, mtime: new Date('2024-05-02T08:00:00Z'), now })
    expect(p).toEqual({ edtf: '2024-03-17?', precision: 'day', provenance: 'file' })
  })

  it('decides nothing from pairs that no single year satisfies', () => {
    // 16 March is a Friday in 2018 but 17 March is not a Monday that year: contradictory pairs.
    const text = 'on Friday, March 16 the ministry met; on Monday, March 17 the gates opened'
    const p = inferPublished({ dateline: { month: 3, day: 18, year: null }, text, mtime: new Date('2019-01-10'), now })
    expect(p).toEqual({ edtf: '2018-03-18?', precision: 'day', provenance: 'file' })
  })

  it('never dates an article after its file was saved', () => {
    const mtime = new Date('2021-08-01T00:00:00Z')
    const p = inferPublished({ dateline: { month: 9, day: 1, year: null }, text: '', mtime, now })
    expect(p).toEqual({ edtf: '2020-09-01?', precision: 'day', provenance: 'file' })
  })

  it('keeps the year unknown when the guess lies years after everything the text mentions', () => {
    const lifespan = inferPublished({ dateline: { month: 9, day: 1, year: null }, text: 'the late commander (1953-2001)', mtime: new Date('2022-03-01'), now })
    expect(lifespan).toEqual({ edtf: 'XXXX-09-01', precision: 'day', provenance: 'dateline' })
    const withMonth = inferPublished({ dateline: { month: 6, day: 2, year: null }, text: 'Since March 2019 the plant has been idle.', mtime: now, now })
    expect(withMonth).toEqual({ edtf: 'XXXX-06-02', precision: 'day', provenance: 'dateline' })
    const recent = inferPublished({ dateline: { month: 6, day: 2, year: null }, text: 'Since March 2025 the plant has been idle.', mtime: now, now })
    expect(recent).toEqual({ edtf: '2026-06-02?', precision: 'day', provenance: 'file' })
  })

  it('keeps the year unknown when no year puts the day on or before the file', () => {
    // 29 February: no leap year between 1990 and a file saved in early 1991.
    const p = inferPublished({ dateline: { month: 2, day: 29, year: null }, text: '', mtime: new Date('1991-01-05'), now })
    expect(p).toEqual({ edtf: 'XXXX-02-29', precision: 'day', provenance: 'dateline' })
  })

  it('without a dateline, weekday-and-date pairs only suggest an uncertain year', () => {
    const one = inferPublished({ dateline: null, text: 'on Saturday, August 21 and handed over', mtime: now, now })
    expect(one).toEqual({ edtf: '2021?', precision: 'year', provenance: 'weekday' })
    const two = inferPublished({ dateline: null, text: 'on Saturday, August 21, then on Wednesday, September 1', mtime: now, now })
    expect(two).toEqual({ edtf: '2021?', precision: 'year', provenance: 'weekday' })
  })

  it('does not move a historical text into recent years', () => {
    const text = 'The treaty of 1846 was ratified. On Monday, the 14th of December the Congress met, as in December 1847.'
    expect(inferPublished({ dateline: null, text, mtime: now, now })).toBeNull()
    const older = 'The war ended in March 1848, after the campaign of December 1847.'
    const dated = inferPublished({ dateline: { month: 12, day: 5, year: null }, text: older, mtime: now, now })
    expect(dated).toEqual({ edtf: 'XXXX-12-05', precision: 'day', provenance: 'dateline' })
  })

  it('returns null when nothing supports a date', () => {
    expect(inferPublished({ dateline: null, text: 'No dates here.', mtime: now, now })).toBeNull()
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

describe('weekdayPairs', () => {
  // The plain definition: one pattern, a weekday after a non-letter or the start, then its date.
  const whole = new RegExp(
    `(?:^|[^\\p{L}])(${WEEKDAY_PATTERN})\\.?,?\\s+(?:the\\s+)?(?:(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?!\\d)|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN}))`,
    'gu'
  )
  const reference = (text: string): WeekdayPair[] => {
    const out = new Map<string, WeekdayPair>()
    for (const m of text.matchAll(whole)) {
      const pair = { weekday: weekdayNumber(m[1]!)!, month: monthNumber((m[2] ?? m[5])!)!, day: Number(m[3] ?? m[4]) }
      const key = `${pair.weekday}-${pair.month}-${pair.day}`
      if (!out.has(key)) out.set(key, pair)
    }
    return [...out.values()]
  }
  // Pairs in every written shape, near-misses among them, run together with no space or after
  // letters (an astral one too) and digits, so a name may start inside a word or right after a
  // date that ends in a digit.
  const weekday = fc.constantFrom('Tue', 'Tues', 'tuesday', 'Saturday', 'SAT', 'sábado', 'segunda-feira', "п'ятницю", 'среду')
  const month = fc.constantFrom('March', 'mar', 'Sept', 'марта', 'Mays')
  const pair = fc
    .tuple(
      weekday,
      fc.constantFrom('', '.', ',', '.,', ';'),
      fc.constantFrom(' ', '  ', '\n', ''),
      fc.constantFrom('', 'the '),
      fc.oneof(
        fc.tuple(month, fc.constantFrom('', '.'), fc.constantFrom(' ', ''), fc.constantFrom('3', '17', '123')).map((xs) => xs.join('')),
        fc.tuple(fc.constantFrom('3', '17', '4th', '2nd'), fc.constantFrom(' ', ''), fc.constantFrom('', 'of '), month).map((xs) => xs.join(''))
      )
    )
    .map((xs) => xs.join(''))
  const noise = fc.constantFrom('', ' ', ', ', 'x', 'й', '\u{1D400}', '-', '9', '\n')

  it('finds what the one pattern finds, in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(noise, pair), { maxLength: 6 }), (xs) => {
        const text = xs.flat().join('')
        expect(weekdayPairs(text)).toEqual(reference(text))
      }),
      { numRuns: 5000 }
    )
  })

  it('reads a weekday with its date either way round', () => {
    expect(weekdayPairs('On Tuesday, March 3 and on Thu 5th of March, and Sunday the 8 March.')).toEqual([
      { weekday: 2, month: 3, day: 3 },
      { weekday: 4, month: 3, day: 5 },
      { weekday: 0, month: 3, day: 8 }
    ])
  })
})

