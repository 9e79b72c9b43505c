import { describe, expect, it } from 'vitest'
import { confirmedEdtf, publishedDoubt } from '../../src/shared/published'

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
})
