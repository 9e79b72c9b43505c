import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { suggestTitle, TITLE_MAX } from '../../src/shared/titles'

describe('suggestTitle golden', () => {
  it.each([
    ['a short sentence stays whole, without its full stop', 'Police closed the bridge.', 'Police closed the bridge'],
    ['a leading date adverbial goes', 'On 14 October 2023, the ministry announced a curfew in the capital.', 'The ministry announced a curfew in the capital'],
    ['a trailing attribution goes', 'Forty people were detained overnight, officials said.', 'Forty people were detained overnight'],
    [
      'a long sentence is cut at a clause, keeping subject and verb',
      'The central bank raised its main interest rate by half a point on Thursday, the third increase this year, as inflation reached a decade high.',
      'The central bank raised its main interest rate by half a point'
    ],
    [
      'a long clause is cut at a word and loses its dangling words',
      'Protesters marched from the university to the parliament building demanding the immediate release of the detained journalists and students',
      'Protesters marched from the university to the parliament building'
    ],
    ['only the first sentence is used', 'Mr. Ali resigned on Monday. His deputy takes over.', 'Mr. Ali resigned on Monday'],
    ['a selection starting mid-sentence is capitalised', 'the army withdrew from the border town', 'The army withdrew from the border town'],
    ['an unbalanced quote is dropped', '“We will not leave the square until the government resigns and the detained are freed,” said the organiser of the march.', 'We will not leave the square until the government resigns'],
    [
      'a subject too long to reach its verb loses its modifier, not its verb',
      'A convoy of eleven trucks carrying flour and medicine for the Sarband valley was turned back at a checkpoint on Friday, the aid group said.',
      'A convoy of eleven trucks was turned back at a checkpoint on Friday'
    ],
    [
      'an auxiliary after the main verb leaves the sentence as written',
      'Council negotiator Omar Fadel said on Wednesday that the first direct talks between the two sides had been held in Beru.',
      'Council negotiator Omar Fadel said on Wednesday'
    ],
    ['a sentence of two words keeps its attribution', 'Nothing happened, he said.', 'Nothing happened, he said']
  ])('%s', (_name, passage, expected) => {
    expect(suggestTitle(passage)).toBe(expected)
  })
})

describe('suggestTitle properties', () => {
  const words = fc.array(fc.stringMatching(/^[A-Za-z0-9.,“”"-]{1,14}$/), { minLength: 1, maxLength: 60 })
  it('is never longer than the limit, ends on a whole word of the passage and adds no ellipsis', () => {
    fc.assert(
      fc.property(words, (ws) => {
        const passage = ws.join(' ')
        const title = suggestTitle(passage)
        expect(title.length).toBeLessThanOrEqual(TITLE_MAX)
        expect(title).not.toContain('…')
        const unquoted = (w: string): string => w.replace(/["“”]/g, '')
        const last = unquoted(title.split(' ').at(-1) ?? '')
        if (last) expect(passage.split(' ').some((w) => unquoted(w).toLowerCase().startsWith(last.toLowerCase()))).toBe(true)
      })
    )
  })
})
