import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sentenceSpans } from '../../src/shared/sentences'
import { extendFocus, motionFor, moveCaret, paragraphEdge, sentenceHolding, wordCount } from '../../src/renderer/src/lib/textMotion'

const text = 'The U.S. envoy arrived on Monday. He met 3.5 thousand people.\n\nMr. Ali didn’t comment.'
const paragraphs = [
  { start: 0, end: text.indexOf('\n') },
  { start: text.indexOf('Mr.'), end: text.length }
]
const m = motionFor(text, sentenceSpans(text), paragraphs)
const at = (s: string): number => text.indexOf(s)

describe('text motion', () => {
  it('extends by whole words, keeping abbreviations, decimals and contractions in one', () => {
    let focus = 0
    const ends: string[] = []
    for (let i = 0; i < 4; i++) ends.push(text.slice(0, (focus = extendFocus(m, 0, focus, 'word', 1))))
    expect(ends).toEqual(['The', 'The U.S', 'The U.S. envoy', 'The U.S. envoy arrived'])
    expect(text.slice(at('3.5'), extendFocus(m, at('3.5'), at('3.5'), 'word', 1))).toBe('3.5')
    expect(text.slice(at('didn'), extendFocus(m, at('didn'), at('didn'), 'word', 1))).toBe('didn’t')
  })

  it('shrinks to the previous word end, stops at the fixed end, then grows the other way', () => {
    const anchor = at('envoy')
    const grown = extendFocus(m, anchor, extendFocus(m, anchor, anchor, 'word', 1), 'word', 1)
    expect(text.slice(anchor, grown)).toBe('envoy arrived')
    const shrunk = extendFocus(m, anchor, grown, 'word', -1)
    expect(text.slice(anchor, shrunk)).toBe('envoy')
    expect(extendFocus(m, anchor, shrunk, 'word', -1)).toBe(anchor)
    expect(text.slice(extendFocus(m, anchor, anchor, 'word', -1), anchor)).toBe('U.S. ')
    // Selected backwards from "envoy" to "The", a step forward drops "The" and keeps starting on a word.
    expect(extendFocus(m, anchor, 0, 'word', 1)).toBe(at('U.S.'))
    expect(extendFocus(m, anchor, at('U.S.'), 'word', 1)).toBe(anchor)
  })

  it('extends by sentence to the sentence end, and back to its start', () => {
    expect(text.slice(0, extendFocus(m, 0, 0, 'sentence', 1))).toBe('The U.S. envoy arrived on Monday.')
    const second = extendFocus(m, 0, extendFocus(m, 0, 0, 'sentence', 1), 'sentence', 1)
    expect(text.slice(0, second)).toBe('The U.S. envoy arrived on Monday. He met 3.5 thousand people.')
    expect(text.slice(0, extendFocus(m, 0, second, 'sentence', -1))).toBe('The U.S. envoy arrived on Monday.')
    expect(extendFocus(m, second, second, 'sentence', -1)).toBe(at('He met'))
  })

  it('moves a caret to the next and previous word, sentence and paragraph starts, and stops at the ends', () => {
    expect(moveCaret(m, 0, 'word', 1)).toBe(at('U.S.'))
    expect(moveCaret(m, 0, 'sentence', 1)).toBe(at('He met'))
    expect(moveCaret(m, 0, 'paragraph', 1)).toBe(at('Mr. Ali'))
    expect(moveCaret(m, at('Mr. Ali'), 'sentence', -1)).toBe(at('He met'))
    expect(moveCaret(m, at('Mr. Ali'), 'paragraph', 1)).toBe(at('Mr. Ali'))
    expect(moveCaret(m, 0, 'word', -1)).toBe(0)
  })

  it('finds paragraph edges, the sentence at the caret and word counts', () => {
    expect(paragraphEdge(m, at('3.5'), 1)).toBe(paragraphs[0]!.end)
    expect(paragraphEdge(m, at('3.5'), -1)).toBe(0)
    expect(sentenceHolding(m, at('Ali'))).toEqual({ start: at('Mr. Ali'), end: text.length })
    expect(wordCount(m, 0, at(' arrived'))).toBe(3)
  })

  it('never leaves the text and always ends a forward word step on a word end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), fc.constantFrom<1 | -1>(1, -1), fc.constantFrom('word' as const, 'sentence' as const, 'paragraph' as const), (pos, dir, unit) => {
        const f = extendFocus(m, pos, pos, unit, dir)
        expect(f).toBeGreaterThanOrEqual(0)
        expect(f).toBeLessThanOrEqual(text.length)
        if (dir > 0) expect(f).toBeGreaterThanOrEqual(pos)
        else expect(f).toBeLessThanOrEqual(pos)
        if (unit === 'word' && dir > 0 && f > pos) expect(m.words.some((w) => w.end === f)).toBe(true)
      })
    )
  })
})
