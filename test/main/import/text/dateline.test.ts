import { describe, expect, it } from 'vitest'
import { parseDateline } from '../../../../src/main/import/text/dateline'

describe('parseDateline', () => {
  const cases: [string, { place: string; month: number | null; day: number | null; year: number | null; outlet: string | null }, string][] = [
    ['MOSCOW, September 1. /TASS/. Fighting continued', { place: 'MOSCOW', month: 9, day: 1, year: null, outlet: 'TASS' }, 'Fighting continued'],
    ['CAIRO, August 30. /TASS/. Resistance forces', { place: 'CAIRO', month: 8, day: 30, year: null, outlet: 'TASS' }, 'Resistance forces'],
    ['KABUL, (...) – Under the leadership', { place: 'KABUL', month: null, day: null, year: null, outlet: null }, 'Under the leadership'],
    ['KABUL, ($1= 86.02 Afghan Afghani) – Under the', { place: 'KABUL', month: null, day: null, year: null, outlet: null }, 'Under the'],
    ['WASHINGTON (AP) — The Senate voted', { place: 'WASHINGTON', month: null, day: null, year: null, outlet: 'AP' }, 'The Senate voted'],
    ['LONDON, March 3 (Reuters) - Britain said', { place: 'LONDON', month: 3, day: 3, year: null, outlet: 'Reuters' }, 'Britain said'],
    ['PARIS (AFP) - France said', { place: 'PARIS', month: null, day: null, year: null, outlet: 'AFP' }, 'France said'],
    ['NEW YORK, Jan. 5, 2021 /PRNewswire/ -- Acme announced', { place: 'NEW YORK', month: 1, day: 5, year: 2021, outlet: 'PRNewswire' }, 'Acme announced'],
    ['BEIRUT, Lebanon (AP) — A blast', { place: 'BEIRUT, Lebanon', month: null, day: null, year: null, outlet: 'AP' }, 'A blast'],
    ['KYIV, Ukraine, Feb. 24 (Reuters) - Russia', { place: 'KYIV, Ukraine', month: 2, day: 24, year: null, outlet: 'Reuters' }, 'Russia'],
    ['UNITED NATIONS (AP) — The U.N. said', { place: 'UNITED NATIONS', month: null, day: null, year: null, outlet: 'AP' }, 'The U.N. said'],
    ['BERLIN, 3. März (dpa) - Die Bahn', { place: 'BERLIN', month: 3, day: 3, year: null, outlet: 'dpa' }, 'Die Bahn'],
    ['МОСКВА, 1 сентября. /ТАСС/. Бои продолжаются', { place: 'МОСКВА', month: 9, day: 1, year: null, outlet: 'ТАСС' }, 'Бои продолжаются'],
    ['Moscow, September 1 /TASS/ - The ministry', { place: 'Moscow', month: 9, day: 1, year: null, outlet: 'TASS' }, 'The ministry'],
    ['WASHINGTON, May 5 — The president', { place: 'WASHINGTON', month: 5, day: 5, year: null, outlet: null }, 'The president'],
    ['МОСКВА, 1 сен — РИА Новости. Бои продолжаются', { place: 'МОСКВА', month: 9, day: 1, year: null, outlet: 'РИА Новости' }, 'Бои продолжаются'],
    ['MOSCOW. Sept 1 (Interfax) - The ministry', { place: 'MOSCOW', month: 9, day: 1, year: null, outlet: 'Interfax' }, 'The ministry'],
    ['ISLAMABAD: Pakistan said on Monday', { place: 'ISLAMABAD', month: null, day: null, year: null, outlet: null }, 'Pakistan said on Monday'],
    ['BRUSSELS, 5 March 2024 — EU ministers', { place: 'BRUSSELS', month: 3, day: 5, year: 2024, outlet: null }, 'EU ministers'],
    ['PORTO, Saturday, March 17. The gates', { place: 'PORTO', month: 3, day: 17, year: null, outlet: null }, 'The gates'],
    ['LISBON, Sat. 17 March (Lusa) - Ministers', { place: 'LISBON', month: 3, day: 17, year: null, outlet: 'Lusa' }, 'Ministers'],
    ['WASHINGTON, D.C. (AP) — Officials', { place: 'WASHINGTON, D.C.', month: null, day: null, year: null, outlet: 'AP' }, 'Officials']
  ]
  for (const [paragraph, expected, rest] of cases) {
    it(`reads "${paragraph.slice(0, 40)}"`, () => {
      const d = parseDateline(paragraph)
      expect(d).not.toBeNull()
      expect({ place: d!.place, month: d!.month, day: d!.day, year: d!.year, outlet: d!.outlet }).toEqual(expected)
      expect(paragraph.slice(d!.length)).toBe(rest)
    })
  }

  it('reads a day no month has as no dateline, whichever shape carries it', () => {
    expect(parseDateline('LONDON, May 45 (Reuters) - Britain said')).toBeNull()
    expect(parseDateline('NEW YORK, Feb. 30, 2021 /PRNewswire/ -- The company said')).toBeNull()
    expect(parseDateline('MOSCOW, February 31. /TASS/. Fighting continued')).toBeNull()
    // 29 February is a day of leap years: kept when the year is unknown or a leap year.
    expect(parseDateline('LONDON, February 29 (Reuters) - Britain said')).toMatchObject({ month: 2, day: 29, year: null })
    expect(parseDateline('NEW YORK, Feb. 29, 2024 /PRNewswire/ -- The company said')).toMatchObject({ month: 2, day: 29, year: 2024 })
    expect(parseDateline('NEW YORK, Feb. 29, 2023 /PRNewswire/ -- The company said')).toBeNull()
  })

  it('leaves ordinary first sentences, salutations and labels alone', () => {
    for (const p of ['DEAR ABBY: My husband', 'UPDATE: The road is open', 'Q: What happened?', 'NATO said on Monday that', 'The Taliban said', 'US President Joe Biden said', 'Washington said on May 5 that', 'EU. Leaders met', 'Talks resumed in Geneva.']) {
      expect(parseDateline(p)).toBeNull()
    }
  })
})
