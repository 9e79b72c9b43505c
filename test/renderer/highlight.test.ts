import { describe, expect, it } from 'vitest'
import { segmentText } from '../../src/renderer/src/lib/highlight'

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
