import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sameWords, wordKey } from '../../../src/main/import/html/blocks'

describe('wordKey', () => {
  it('keys a text by its runs of letters and digits, lower-cased, in every script', () => {
    const definition = (t: string): string => (t.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ').toLowerCase()
    // ASCII words with typographic punctuation (the ASCII way), and letters and digits beyond ASCII.
    const piece = fc.oneof(
      { arbitrary: fc.constantFrom('Word', 'a', 'B2', '42', ' ', '  ', '-', '’', '“', '\u00a0', '\u2014', '.', '\n'), weight: 5 },
      fc.constantFrom('é', 'É', 'ß', '\u00b2', '\u00aa', 'Жук', 'ǅ', '\u0301')
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (xs) => {
        const t = xs.join('')
        expect(wordKey(t)).toBe(definition(t))
      }),
      { numRuns: 3000 }
    )
    expect(sameWords('The “Minister” — said:', 'the minister said')).toBe(true)
  })
})
