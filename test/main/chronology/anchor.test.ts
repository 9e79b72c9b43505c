import { describe, expect, it } from 'vitest'
import { anchorAt, findQuote, locateAnchor } from '../../../src/main/chronology/anchor'

const TEXT = 'The pass was closed on Monday. Officials said the pass was closed on Monday for repairs. Snow fell.'

describe('anchors', () => {
  it('keeps 32 characters of context and rejects bad ranges', () => {
    const a = anchorAt(TEXT, 31, 87)
    expect(a.exact).toBe('Officials said the pass was closed on Monday for repairs')
    expect(a.prefix).toBe(TEXT.slice(0, 31))
    expect(a.suffix).toBe('. Snow fell.')
    expect(() => anchorAt(TEXT, 5, 5)).toThrow(/outside/)
    expect(() => anchorAt(TEXT, 30, 31)).toThrow(/whitespace/)
  })

  it('re-finds by position, then by quote and context; never moves to look-alike text', () => {
    const second = TEXT.indexOf('the pass was closed on Monday for')
    const a = anchorAt(TEXT, second, second + 'the pass was closed on Monday'.length)
    expect(locateAnchor(TEXT, a)).toEqual({ start: a.start, end: a.end })
    const inserted = 'UPDATE: ' + TEXT
    expect(locateAnchor(inserted, a)).toEqual({ start: a.start + 8, end: a.end + 8 })
    // Only the first, differently-framed occurrence survives: that is look-alike text.
    const cut = TEXT.replace('Officials said the pass was closed on Monday for repairs.', 'Repairs follow.')
    expect(cut.includes(a.exact)).toBe(false)
    expect(locateAnchor(cut, a)).toBeNull()
    const lookalike = TEXT.replace('Officials said the pass was closed on Monday for repairs.', 'Nobody said the pass was closed on Monday at all.')
    expect(lookalike.includes(a.exact)).toBe(true)
    expect(locateAnchor(lookalike, a)).toBeNull()
    // One side of the context changed but the passage is unique with the other side intact.
    const reworded = TEXT.replace('Officials said', 'Officials told reporters')
    expect(locateAnchor(reworded, a)).toEqual({ start: reworded.indexOf(a.exact), end: reworded.indexOf(a.exact) + a.exact.length })
  })

  it('finds a typed quote or says why not', () => {
    expect(findQuote(TEXT, 'Snow  fell', 'article 1')).toEqual({ start: TEXT.indexOf('Snow fell'), end: TEXT.indexOf('Snow fell') + 9 })
    expect(() => findQuote(TEXT, 'closed on Monday', 'article 1')).toThrow(/occurs 2 times in article 1/)
    expect(() => findQuote(TEXT, 'rain', 'article 1')).toThrow(/quote not found in article 1/)
  })
})
