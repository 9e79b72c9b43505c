import { describe, expect, it } from 'vitest'
import { CONTEXT_CHARS } from '../../src/shared/chronology'
import { anchorFor } from '../../src/renderer/src/lib/anchor'

const TEXT = 'The pass is ours. They came at two in the morning and they went back at dawn, he said.'

describe('anchorFor', () => {
  it('quotes the selection with up to 32 characters of context', () => {
    const start = TEXT.indexOf('They came')
    const end = TEXT.indexOf(' at dawn') + ' at dawn'.length
    const a = anchorFor(TEXT, start, end)!
    expect(a.exact).toBe('They came at two in the morning and they went back at dawn')
    expect(a.prefix).toBe('The pass is ours. ')
    expect(a.suffix).toBe(', he said.')
    expect(TEXT.slice(a.start, a.end)).toBe(a.exact)
  })

  it('trims whitespace at the edges and accepts a backwards selection', () => {
    const s = TEXT.indexOf(' They')
    const e = TEXT.indexOf('came') + 4
    const a = anchorFor(TEXT, e + 1, s)!
    expect(a.exact).toBe('They came')
    expect(a.start).toBe(s + 1)
  })

  it('caps the context at CONTEXT_CHARS and refuses a whitespace-only selection', () => {
    const long = 'x'.repeat(100) + 'QUOTE' + 'y'.repeat(100)
    const a = anchorFor(long, 100, 105)!
    expect(a.prefix).toHaveLength(CONTEXT_CHARS)
    expect(a.suffix).toHaveLength(CONTEXT_CHARS)
    expect(anchorFor('a   b', 1, 4)).toBeNull()
  })
})
