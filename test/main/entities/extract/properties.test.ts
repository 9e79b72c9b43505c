import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractMentions } from '../../../../src/main/entities/extract/index'

const PIECES = [
  'Apple', 'Inc.', 'Boeing', "Boeing's", 'Co.', 'the', 'of', 'Bank', 'America', 'in', 'Paris', 'France', 'said',
  'Mr.', 'John', 'Smith', 'President', 'U.S.', 'J.', 'Chief', 'Executive', 'Russian', 'Federation', '(IBM)', 'IBM',
  '&', 'Toulouse-based', 'Monday', 'New', 'York', 'Москве', 'Владимир', 'Путин', 'Петрович', 'компания', '«Газпром»',
  'ООО', 'В.', 'президент', '—', ',', '.', '!', '?', '"', '\n\n', "'s", 'é', 'Ünter', '𝒳', ''
]

const texts = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', '', '  ', '\n', ', ')), { maxLength: 60 })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''))

describe('extractMentions invariants', () => {
  it('spans lie within the text, match their text, are ordered and never overlap', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom('en', 'ru', null), (text, lang) => {
        const ms = extractMentions(text, lang)
        let prevEnd = 0
        for (const m of ms) {
          expect(m.start).toBeGreaterThanOrEqual(prevEnd)
          expect(m.end).toBeGreaterThan(m.start)
          expect(m.end).toBeLessThanOrEqual(text.length)
          expect(text.slice(m.start, m.end)).toBe(m.text)
          expect(m.text).toBe(m.text.trim())
          if (m.kind !== 'place') expect(m.place).toBeNull()
          prevEnd = m.end
        }
      }),
      { numRuns: 400 }
    )
  })

  it('a long run of capitalised words is cut into name-sized pieces', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `Zorv${i}x`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)).join(' ')
    const ms = extractMentions(`Then ${text}.`, 'en')
    expect(ms.length).toBeGreaterThan(300)
    expect(Math.max(...ms.map((m) => m.text.split(' ').length))).toBeLessThanOrEqual(8)
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(extractMentions(text, 'en')).toEqual(extractMentions(text, 'en'))
      }),
      { numRuns: 100 }
    )
  })
})
