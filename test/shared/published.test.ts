import { describe, expect, it } from 'vitest'
import { confirmedEdtf, publishedDoubt, publishedLabel, shortDate } from '../../src/shared/published'

describe('publication date doubt', () => {
  it('tells a proven date from a guessed year and an unknown one', () => {
    expect(publishedDoubt({ edtf: '2024-03-17', precision: 'day', provenance: 'dateline' })).toBe('proven')
    expect(publishedDoubt({ edtf: '2024-03-17?', precision: 'day', provenance: 'file' })).toBe('guessed')
    expect(publishedDoubt({ edtf: '2021?', precision: 'year', provenance: 'weekday' })).toBe('guessed')
    expect(publishedDoubt({ edtf: 'XXXX-03-17', precision: 'day', provenance: 'dateline' })).toBe('unknown-year')
  })

  it('confirms a guess by dropping its question mark, and has nothing to confirm otherwise', () => {
    expect(confirmedEdtf({ edtf: '2024-03-17?', precision: 'day', provenance: 'import' })).toBe('2024-03-17')
    expect(confirmedEdtf({ edtf: '2024-03-17', precision: 'day', provenance: 'user' })).toBeNull()
    expect(confirmedEdtf({ edtf: 'XXXX-03-17', precision: 'day', provenance: 'dateline' })).toBeNull()
  })

  it('writes dates at their precision, keeping qualifiers', () => {
    expect(shortDate('2023-10-14')).toBe('14 Oct 2023')
    expect(shortDate('2023-10')).toBe('Oct 2023')
    expect(shortDate('2023')).toBe('2023')
    expect(shortDate('2023-10-14?')).toBe('14 Oct 2023?')
    expect(shortDate('2023-10-14~')).toBe('14 Oct 2023 ~')
    expect(shortDate('XXXX-03-17')).toBe('17 Mar (year unknown)')
    expect(shortDate('XXXX-03')).toBe('Mar (year unknown)')
    expect(shortDate('not a date')).toBe('not a date')
  })


  it('labels a publication date, and says when there is none', () => {
    expect(publishedLabel({ edtf: '2024-03-17?', precision: 'day', provenance: 'file' })).toBe('17 Mar 2024?')
    expect(publishedLabel(null)).toBe('undated')
  })
})
