import { describe, expect, it } from 'vitest'
import { boundPrefixes } from '../../../src/main/search/prefixes'
import { VariantIndex } from '../../../src/main/search/variants'
import { parseQuery } from '../../../src/shared/query'
import { MAX_PREFIX_POSTINGS } from '../../../src/shared/search-limits'

const half = MAX_PREFIX_POSTINGS / 2

describe('boundPrefixes', () => {
  const vocab = new VariantIndex([
    ['alpha', half + 1],
    ['alpine', 10],
    ['beta', half],
    ['betray', 5],
    ['kabul', 3]
  ])

  it(`lets a query's prefixes read ${MAX_PREFIX_POSTINGS} postings, and matches the rest exactly, saying so`, () => {
    const notices: string[] = []
    const root = boundPrefixes(parseQuery('alp* -bet* kabul-bet* title:kab*').root, () => vocab, notices)
    expect(root).toEqual({
      kind: 'and',
      children: [
        { kind: 'term', text: 'alp', prefix: true, fuzzy: false, field: null },
        { kind: 'phrase', text: 'kabul bet', field: null },
        { kind: 'term', text: 'kab', prefix: true, fuzzy: false, field: 'title' }
      ],
      exclude: [{ kind: 'term', text: 'bet', prefix: false, fuzzy: false, field: null }]
    })
    expect(notices).toEqual([
      'kabul bet*: the words starting with "bet" are too common to search them all; matched "kabul bet" exactly',
      'bet*: the words starting with "bet" are too common to search them all; matched "bet" exactly'
    ])
  })

  it('leaves a query without prefixes as it was, without loading the vocabulary', () => {
    const parsed = parseQuery('(alpha OR beta) NEAR(kabul alpha) "beta kabul"')
    const notices: string[] = []
    const unused = (): VariantIndex => {
      throw new Error('a query without prefixes must not load the vocabulary')
    }
    expect(boundPrefixes(parsed.root, unused, notices)).toEqual(parsed.root)
    expect(boundPrefixes(null, unused, notices)).toBeNull()
    expect(notices).toEqual([])
  })
})
