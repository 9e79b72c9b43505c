import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildMatcher, prescore, type Matcher } from '../../../src/main/search/highlight'
import { bestPreScored } from '../../../src/main/search/snippets'
import { parseQuery } from '../../../src/shared/query'

interface Row {
  ordinal: number
  start: number
  text: string
}

/** By definition: every paragraph pre-scored, the best `count` (most needles, then earliest). */
function reference(all: readonly Row[], matcher: Matcher, count: number): Row[] {
  return all
    .map((p) => ({ p, pre: prescore(p.text, matcher) }))
    .filter((c) => c.pre > 0)
    .sort((a, b) => b.pre - a.pre || a.p.ordinal - b.p.ordinal)
    .slice(0, count)
    .map((c) => c.p)
}

describe('bestPreScored', () => {
  it('picks the paragraphs scoring them all would, though it stops early', () => {
    // Words that share letters, so substrings pre-score paragraphs that do not match.
    const word = fc.constantFrom('war', 'wars', 'award', 'peace', 'talks', 'tal', 'kabul', 'the')
    const paragraph = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '))
    const query = fc.oneof(
      word,
      fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
      fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`),
      fc.tuple(word, word).map(([a, b]) => `${a} OR ${b}*`)
    )
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 14 }), query, fc.integer({ min: 1, max: 5 }), (texts, q, count) => {
        let start = 0
        const rows = texts.map((text, ordinal) => {
          const row = { ordinal, start, text }
          start += text.length + 2
          return row
        })
        const matcher = buildMatcher(parseQuery(q).root, () => [])
        expect(bestPreScored(rows, matcher, count)).toEqual(reference(rows, matcher, count))
      }),
      { numRuns: 3000 }
    )
  })
})
