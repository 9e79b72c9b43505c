import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../src/shared/query'

const FIXTURES = join(__dirname, '../fixtures/search')

describe('parseQuery', () => {
  it('matches the golden parses of the syntax cases', () => {
    const cases = readFileSync(join(FIXTURES, 'parse-cases.txt'), 'utf8').split('\n').filter((l) => l.length > 0)
    const actual = Object.fromEntries(cases.map((q) => [q, parseQuery(q)]))
    const golden = join(FIXTURES, 'parse-golden.json')
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, JSON.stringify(actual, null, 2) + '\n')
    expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')))
  })

  it('reads the documented forms', () => {
    expect(parseQuery('masood~').root).toEqual({ kind: 'term', text: 'masood', prefix: false, fuzzy: true, field: null })
    expect(parseQuery('taliba*').root).toEqual({ kind: 'term', text: 'taliba', prefix: true, fuzzy: false, field: null })
    expect(parseQuery('"Armed  Confrontation"').root).toEqual({ kind: 'phrase', text: 'armed confrontation', field: null })
    expect(parseQuery('NEAR(masood ambush, 5)').root).toEqual({ kind: 'near', terms: ['masood', 'ambush'], distance: 5 })
    expect(parseQuery('a -b').root).toEqual({
      kind: 'and',
      children: [{ kind: 'term', text: 'a', prefix: false, fuzzy: false, field: null }],
      exclude: [{ kind: 'term', text: 'b', prefix: false, fuzzy: false, field: null }]
    })
    const filtered = parseQuery('outlet:tass OR outlet:bbc after:2021-08 before:2021-09 -lang:fr')
    expect(filtered.root).toBeNull()
    expect(filtered.filters).toEqual([
      { field: 'outlet', values: ['tass', 'bbc'], negate: false },
      { field: 'lang', values: ['fr'], negate: true }
    ])
    expect(filtered.dates).toEqual({ after: '2021-08-01', before: '2021-09-30' })
  })

  it('reads broken syntax literally and says so', () => {
    const q = parseQuery('"unbalanced quote')
    expect(q.root).toMatchObject({ kind: 'and', children: [{ text: 'unbalanced' }, { text: 'quote' }] })
    expect(q.warnings).toEqual(['unmatched quote: read the words after it as plain words'])
    const or = parseQuery('resistance OR')
    expect(or.root).toMatchObject({ kind: 'and', children: [{ text: 'resistance' }, { text: 'or' }] })
    expect(or.warnings[0]).toContain('OR with nothing after it')
  })

  it('applies the global fuzzy switch to plain words of four letters or more only', () => {
    const q = parseQuery('the masood "baglan" taliba*', { fuzzy: true })
    expect(q.root).toMatchObject({
      kind: 'and',
      children: [
        { text: 'the', fuzzy: false },
        { text: 'masood', fuzzy: true },
        { text: 'baglan', fuzzy: false },
        { text: 'taliba', prefix: true, fuzzy: false }
      ]
    })
  })

  it('never throws and always says how it read the query', () => {
    const alphabet = fc.constantFrom(...'ab c"()-*~:OR NEAR, 5 title: outlet:x after:2021 é&'.split(''), 'OR', 'NOT', 'AND', 'NEAR(', ' ')
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: alphabet, maxLength: 40 }), fc.string({ maxLength: 40 })), (input) => {
        const q = parseQuery(input)
        expect(typeof q.readAs).toBe('string')
        expect(q.readAs.length).toBeGreaterThan(0)
      }),
      { numRuns: 2000 }
    )
  })
})
