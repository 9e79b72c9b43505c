import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractMentions, extractParagraphMentions } from '../../../../src/main/entities/extract/index'
import { WINDOW_CHARS, windowStarts } from '../../../../src/main/entities/extract/windows'

const pieces = (text: string, starts: number[]): string[] => starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length))

describe('windowStarts', () => {
  it('leaves a text within the window whole', () => {
    expect(windowStarts('Short text.\n\nTwo paragraphs.', 100)).toEqual([0])
  })

  it('cuts at the last blank line, else line break, else sentence end, else space, within the limit', () => {
    const cut = (text: string): string[] => pieces(text, windowStarts(text, 20))
    expect(cut('aaaaaaaaaa\n\nbbb\ncccc dddd')).toEqual(['aaaaaaaaaa\n\n', 'bbb\ncccc dddd'])
    expect(cut('aaaaaaaaaa\nbbb. cccc dddd')).toEqual(['aaaaaaaaaa\n', 'bbb. cccc dddd'])
    expect(cut('aaaaaaaaaa bbb. cc dddd eeee')).toEqual(['aaaaaaaaaa bbb. ', 'cc dddd eeee'])
    expect(pieces('one two three four five', windowStarts('one two three four five', 10))).toEqual(['one two ', 'three ', 'four five'])
  })

  it('cuts a run with no break at the limit, never inside a surrogate pair', () => {
    const text = `${'x'.repeat(9)}𝒳${'y'.repeat(10)}`
    const parts = pieces(text, windowStarts(text, 10))
    expect(parts.join('')).toBe(text)
    expect(parts[0]).toBe('x'.repeat(9))
  })

  it('pieces cover the text in order, none longer than the window nor shorter than half of it (but the last)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('word', ' ', '\n', '\n\n', '. ', 'Name', 'x'.repeat(30)), { maxLength: 200 }), fc.integer({ min: 8, max: 80 }), (parts, max) => {
        const text = parts.join('')
        const starts = windowStarts(text, max)
        const ps = pieces(text, starts)
        expect(ps.join('')).toBe(text)
        ps.forEach((p, i) => {
          expect(p.length).toBeLessThanOrEqual(max)
          if (i < ps.length - 1) expect(p.length).toBeGreaterThanOrEqual(Math.floor(max / 2) - 1)
        })
      })
    )
  })
})

describe('a text longer than a window', () => {
  // A long text of invented lines with a name every few hundred lines, in no paragraph at all.
  const line = 'an ordinary line of a very long plain text file without any blank line\n'
  const lines: string[] = []
  for (let i = 0; i < 9000; i++) lines.push(i % 500 === 250 ? `Inspector Halvard Quenby visited Zorvath Industries on line ${i}.\n` : line)
  const text = lines.join('')

  it('is read a window at a time, every name found with offsets into the whole text', () => {
    expect(text.length).toBeGreaterThan(2 * WINDOW_CHARS)
    const ms = extractMentions(text, 'en')
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text)
    expect(ms.filter((m) => m.text === 'Halvard Quenby' && m.kind === 'person')).toHaveLength(18)
    expect(ms.filter((m) => m.text === 'Zorvath Industries' && m.kind === 'org')).toHaveLength(18)
  })

  it('as one paragraph of an article too', () => {
    const [ms] = extractParagraphMentions([text], 'en')
    expect(ms!.filter((m) => m.text === 'Halvard Quenby')).toHaveLength(18)
  })
})
