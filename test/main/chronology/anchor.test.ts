import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CONTEXT_CHARS } from '../../../src/shared/chronology'
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

describe('locateAnchor properties', () => {
  // Words drawn from a small vocabulary make look-alike passages likely, which is the point.
  const words = fc.array(fc.constantFrom('the', 'pass', 'fell', 'on', 'Monday', 'army', 'said', 'it', 'was', 'closed'), { minLength: 30, maxLength: 80 })

  it('follows a passage when text is inserted away from it, and never returns a different passage', () => {
    fc.assert(
      fc.property(words, fc.nat(), fc.integer({ min: 1, max: 6 }), fc.string({ minLength: 1, maxLength: 40 }), fc.boolean(), (ws, at, len, insert, before) => {
        const text = ws.join(' ')
        const startWord = at % (ws.length - len)
        const start = ws.slice(0, startWord).join(' ').length + (startWord ? 1 : 0)
        const end = start + ws.slice(startWord, startWord + len).join(' ').length
        const anchor = anchorAt(text, start, end)
        const where = before ? Math.max(0, start - CONTEXT_CHARS - 1) : Math.min(text.length, end + CONTEXT_CHARS + 1)
        if ((before && start - CONTEXT_CHARS - 1 < 0) || (!before && end + CONTEXT_CHARS + 1 > text.length)) return
        const edited = text.slice(0, where) + insert + text.slice(where)
        const found = locateAnchor(edited, anchor)
        const shift = before ? insert.length : 0
        expect(found).not.toBeNull()
        expect(edited.slice(found!.start, found!.end)).toBe(anchor.exact)
        expect(found!.start).toBe(start + shift)
      }),
      { numRuns: 500 }
    )
  })

  it('whatever it returns is the exact quote, with at least one side of its context intact', () => {
    fc.assert(
      fc.property(words, fc.nat(), fc.integer({ min: 1, max: 4 }), words, (ws, at, len, replacement) => {
        const text = ws.join(' ')
        const startWord = at % (ws.length - len)
        const start = ws.slice(0, startWord).join(' ').length + (startWord ? 1 : 0)
        const end = start + ws.slice(startWord, startWord + len).join(' ').length
        const anchor = anchorAt(text, start, end)
        const rewritten = replacement.join(' ')
        const found = locateAnchor(rewritten, anchor)
        if (found === null) return
        expect(rewritten.slice(found.start, found.end)).toBe(anchor.exact)
        const prefixOk = rewritten.slice(Math.max(0, found.start - anchor.prefix.length), found.start) === anchor.prefix
        const suffixOk = rewritten.slice(found.end, found.end + anchor.suffix.length) === anchor.suffix
        expect(prefixOk || suffixOk).toBe(true)
      }),
      { numRuns: 500 }
    )
  })
})
