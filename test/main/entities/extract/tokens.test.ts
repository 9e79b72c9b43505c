import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FUNCTION_WORDS } from '../../../../src/main/entities/extract/lexicon-en'
import { tokenize } from '../../../../src/main/entities/extract/tokens'

const isFunctionWord = (w: string): boolean => FUNCTION_WORDS.has(w.toLowerCase())

describe('tokenize (names)', () => {
  it('cuts text of ASCII words as the Unicode rules do, capitals as \\p{Lu} says', () => {
    // A line of its own with a letter beyond ASCII sends the text the Unicode way and leaves the
    // tokens before it as they were: the line ends at the break, and what follows it is whitespace.
    const unicode = (text: string): ReturnType<typeof tokenize> => tokenize(`${text}\n\né`, isFunctionWord).slice(0, -1)
    const piece = fc.constantFrom(
      'the', 'The', 'Minister', 'NATO', 'IBM', 'U.S.', 'Inc.', 'Dr.', 'J.', 'Smith’s', "Smith's", 'Paris-based', 'rock-and-roll',
      'AT&T', 'Zurich', 'zone', 'Ankara', 'Émile', 'été', 'Ǆemal', '42', '3rd', 'of', 'And', ' ', ' ', ' ', '  ', ', ', '. ', '.', '\n', '“', '”', '’', ' — ', ' - ', ': ', '(', '\u00a0'
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (xs) => {
        const text = xs.join('')
        const tokens = tokenize(text, isFunctionWord)
        expect(tokens).toEqual(unicode(text))
        for (const t of tokens) expect(t.cap).toBe(/^\p{Lu}/u.test(t.text))
      }),
      { numRuns: 3000 }
    )
  })
})
