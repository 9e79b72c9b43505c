import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildMatcher, matchText } from '../../../src/main/search/highlight'
import { parseQuery } from '../../../src/shared/query'

/** NEAR highlighting by the plain definition: every occurrence with each other word close enough. */
function naiveNear(words: string[], group: string[], distance: number): [number, number][] {
  const starts = words.map((_, i) => words.slice(0, i).join(' ').length + (i > 0 ? 1 : 0))
  const positions = group.map((t) => words.flatMap((w, i) => (w === t ? [i] : [])))
  if (positions.some((p) => p.length === 0)) return []
  const hit = new Set<number>()
  positions.forEach((list, k) => {
    for (const i of list) {
      if (positions.every((other, j) => j === k || other.some((o) => Math.abs(o - i) <= distance + group.length - 1))) hit.add(i)
    }
  })
  return [...hit].sort((a, b) => a - b).map((i) => [starts[i]!, starts[i]! + words[i]!.length])
}

describe('matchText', () => {
  it('highlights NEAR groups as their plain definition says', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('ab', 'cd', 'ef', 'gh'), { minLength: 1, maxLength: 80 }),
        fc.uniqueArray(fc.constantFrom('ab', 'cd', 'ef'), { minLength: 2, maxLength: 3 }),
        fc.nat(6),
        (words, group, distance) => {
          const matcher = buildMatcher(parseQuery(`NEAR(${group.join(' ')}, ${distance})`).root, () => [])
          const text = words.join(' ')
          const expected = naiveNear(words, group, distance)
          // Adjacent highlighted words are separate ranges (a space lies between them).
          expect(matchText(text, matcher).ranges).toEqual(expected)
        }
      ),
      { numRuns: 500 }
    )
  })
})
