import { describe, expect, it } from 'vitest'
import { joinLines, splitBlocks } from '../../../../src/main/import/text/blocks'
import { normaliseText } from '../../../../src/main/import/text/normalise'

const texts = (text: string): string[] => splitBlocks(text).map((b) => b.text)

describe('splitBlocks', () => {
  it('joins hard-wrapped lines and removes hyphenation breaks', () => {
    const wrapped = 'Water levels on the river dropped to their lowest point in thirty\nyears this week, forcing barges to run at a third of their usual\nload and leav-\ning farmers without water.'
    expect(texts(wrapped)).toEqual([
      'Water levels on the river dropped to their lowest point in thirty years this week, forcing barges to run at a third of their usual load and leaving farmers without water.'
    ])
  })

  it('takes each line as a paragraph when lines are whole paragraphs', () => {
    const long = 'Forecasters issued heat warnings for five southern regions on Tuesday, with temperatures expected to reach 41 degrees by the weekend.'
    expect(texts(`Heatwave warnings issued\n${long}\n${long}`)).toEqual(['Heatwave warnings issued', long, long])
  })

  it('keeps short list lines apart', () => {
    expect(texts('Apples\nPears\nPlums')).toEqual(['Apples', 'Pears', 'Plums'])
  })

  it('splits at blank lines, however many', () => {
    expect(texts('One.\n\n\n  \nTwo.')).toEqual(['One.', 'Two.'])
  })
})

describe('joinLines', () => {
  it('keeps hyphens before capitals and digits', () => {
    expect(joinLines(['Jean-', 'Pierre met COVID-', '19 experts'])).toBe('Jean-Pierre met COVID-19 experts')
  })
})

describe('normaliseText', () => {
  it('normalises line breaks, spaces, invisible characters and ligatures, keeping ZWNJ', () => {
    expect(normaliseText('a\r\nb\rc\u2028d')).toBe('a\nb\nc\nd')
    expect(normaliseText('\u00a0x\u2009y\t z  \u200b')).toBe('x y z')
    expect(normaliseText('ﬁnal eﬀort, soft\u00adhyphen')).toBe('final effort, softhyphen')
    expect(normaliseText('می\u200cخواهم')).toBe('می\u200cخواهم')
    expect(normaliseText('e\u0301')).toBe('é')
  })
})

describe('splitBlocks on a file of a million lines without a blank one', () => {
  it('does not overflow the stack (a spread of the lines once did)', () => {
    const line = 'word '.repeat(16).trim()
    const blocks = splitBlocks(Array.from({ length: 1_000_000 }, () => line).join('\n'))
    expect(blocks.length).toBeGreaterThan(0)
    expect(blocks.reduce((n, b) => n + b.text.length, 0)).toBeGreaterThan(line.length * 999_000)
  })
})
