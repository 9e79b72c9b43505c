import { describe, expect, it } from 'vitest'
import { findTermRanges, fold, mergeRanges, segmentText } from '../../src/renderer/src/lib/highlight'

describe('findTermRanges', () => {
  const text = 'Commander Karimov met Kerimov’s deputy; KARIMOVA was absent. Karimovsky too.'

  it('finds whole words case-insensitively', () => {
    expect(findTermRanges(text, ['karimov']).map(([s, e]) => text.slice(s, e))).toEqual(['Karimov'])
    expect(findTermRanges(text, ['kerimov']).map(([s, e]) => text.slice(s, e))).toEqual(['Kerimov'])
  })

  it('treats a trailing * as a prefix', () => {
    expect(findTermRanges(text, ['karimov*']).map(([s, e]) => text.slice(s, e))).toEqual(['Karimov', 'KARIMOVA', 'Karimovsky'])
  })

  it('matches phrases across any whitespace and ignores accents', () => {
    const t = 'the  Anjir\npass and the Añjir pass'
    expect(findTermRanges(t, ['anjir pass']).map(([s, e]) => t.slice(s, e))).toEqual(['Anjir\npass', 'Añjir pass'])
  })

  it('escapes regular-expression characters and ignores empty terms', () => {
    expect(findTermRanges('a (b) c', ['(b)', '', '*'])).toEqual([[2, 5]])
    expect(findTermRanges('cost $5 now', ['$5'])).toEqual([[5, 7]])
    expect(findTermRanges('a.b a b', ['a.b'])).toEqual([[0, 3]])
  })
})

describe('fold', () => {
  it('keeps the length so offsets stay valid', () => {
    for (const s of ['Añjir', 'İstanbul', 'straße', 'emoji 🎉 here', 'ǅemal']) expect(fold(s)).toHaveLength(s.length)
  })
})

describe('segmentText', () => {
  it('cuts at every layer boundary and reports the covering layers', () => {
    const segs = segmentText('abcdefghij', 100, [[[102, 105]], [[104, 108]]])
    expect(segs.map((s) => [s.text, s.start, s.marks])).toEqual([
      ['ab', 100, []],
      ['cd', 102, [0]],
      ['e', 104, [0, 1]],
      ['fgh', 105, [1]],
      ['ij', 108, []]
    ])
  })

  it('clips ranges outside the paragraph and reassembles the text exactly', () => {
    const segs = segmentText('hello world', 10, [[[0, 12], [20, 40]]])
    expect(segs.map((s) => s.text).join('')).toBe('hello world')
    expect(segs[0]).toEqual({ text: 'he', start: 10, marks: [0] })
  })
})

describe('mergeRanges', () => {
  it('merges overlapping and touching ranges and drops empty ones', () => {
    expect(mergeRanges([[5, 7], [1, 3], [3, 4], [6, 9], [10, 10]])).toEqual([[1, 4], [5, 9]])
  })
})
