import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sentenceSpans } from '../../src/shared/sentences'

const split = (text: string): string[] => sentenceSpans(text).map((s) => text.slice(s.start, s.end))

describe('sentenceSpans golden', () => {
  it.each([
    ['abbreviated titles', 'Mr. Smith met Dr. Jones. Gen. Ali left.', ['Mr. Smith met Dr. Jones.', 'Gen. Ali left.']],
    ['an acronym inside a sentence', 'The U.S. Army said it left. Nobody replied.', ['The U.S. Army said it left.', 'Nobody replied.']],
    ['an acronym ending a sentence', 'He moved to the U.S. The next day he started work.', ['He moved to the U.S.', 'The next day he started work.']],
    ['a lower-case word after an acronym', 'Talks in Washington, D.C. ended late.', ['Talks in Washington, D.C. ended late.']],
    ['initials', 'J. R. R. Tolkien wrote it. He left.', ['J. R. R. Tolkien wrote it.', 'He left.']],
    ['decimals', 'Prices rose 2.5 percent. Wages fell 0.3 percent.', ['Prices rose 2.5 percent.', 'Wages fell 0.3 percent.']],
    ['a month before a day', 'It began on Oct. 7 at dawn. The army replied.', ['It began on Oct. 7 at dawn.', 'The army replied.']],
    ['a month ending a sentence', 'It began in Oct. The army replied.', ['It began in Oct.', 'The army replied.']],
    ['quotes', '"We will not leave," she said. "Never." The talks ended at 5 p.m. on Friday.', ['"We will not leave," she said.', '"Never."', 'The talks ended at 5 p.m. on Friday.']],
    ['curly quotes closing a sentence', '“It is over.” Then he left.', ['“It is over.”', 'Then he left.']],
    ['paragraph breaks', 'One ends here\n\nTwo starts. Two goes on.', ['One ends here', 'Two starts.', 'Two goes on.']]
  ])('%s', (_name, text, expected) => {
    expect(split(text)).toEqual(expected)
  })
})

const word = fc.constantFrom('Mr.', 'U.S.', 'Jan.', '2.5', 'the', 'The', 'army', 'said', 'left.', '"Never."', 'He', 'e.g.', 'J.', '?', '!', '“Yes,”')
const gap = fc.constantFrom(' ', ' ', '  ', '\n\n', '\n')
const prose = fc.array(fc.tuple(word, gap), { maxLength: 40 }).map((parts) => parts.map(([w, g]) => w + g).join(''))

describe('sentenceSpans properties', () => {
  it('gives ordered, trimmed, disjoint spans that cover every non-space character and never cross a line break', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const spans = sentenceSpans(text)
        let covered = 0
        let last = 0
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last)
          expect(s.end).toBeGreaterThan(s.start)
          const body = text.slice(s.start, s.end)
          expect(body).toBe(body.trim())
          expect(body).not.toContain('\n')
          covered += body.replace(/\s/g, '').length
          last = s.end
        }
        expect(covered).toBe(text.replace(/\s/g, '').length)
      })
    )
  })
})
