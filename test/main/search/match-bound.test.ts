import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchBound } from '../../../src/main/search/match-bound'
import type { QueryNode } from '../../../src/shared/search'

const WORDS = ['dam', 'river', 'rain', 'gate', 'road', 'farm']
/** Each word's spellings when the query asks for them (a word is always its own). */
const VARIANTS: Record<string, string[]> = { dam: ['damm'], rain: ['rayn', 'rane'] }
const ALL = [...WORDS, 'damm', 'rayn', 'rane']

const term: fc.Arbitrary<QueryNode> = fc
  .record({ text: fc.constantFrom(...WORDS), fuzzy: fc.boolean(), prefix: fc.boolean() })
  .map(({ text, fuzzy, prefix }) => ({ kind: 'term', text, fuzzy, prefix, field: null }))
const { node } = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    term,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((children): QueryNode => ({ kind: 'or', children })),
    fc
      .tuple(fc.array(tie('node'), { minLength: 1, maxLength: 3 }), fc.array(term, { maxLength: 1 }))
      .map(([children, exclude]): QueryNode => ({ kind: 'and', children, exclude })),
    fc.constant<QueryNode>({ kind: 'phrase', text: 'dam gate', field: null })
  )
}))

/** Whether a document (its set of words) matches the tree as FTS5 would. */
function matches(n: QueryNode, doc: ReadonlySet<string>): boolean {
  switch (n.kind) {
    case 'term':
      if (n.prefix) return [...doc].some((w) => w.startsWith(n.text))
      return [n.text, ...(n.fuzzy ? (VARIANTS[n.text] ?? []) : [])].some((w) => doc.has(w))
    case 'phrase':
    case 'near':
      return true
    case 'or':
      return n.children.some((c) => matches(c, doc))
    case 'and':
      return n.children.every((c) => matches(c, doc)) && !n.exclude.some((c) => matches(c, doc))
  }
}

describe('matchBound', () => {
  it('is never below the number of documents a tree matches', () => {
    fc.assert(
      fc.property(node, fc.array(fc.uniqueArray(fc.constantFrom(...ALL), { maxLength: 6 }), { maxLength: 30 }), (tree, docs) => {
        const sets = docs.map((d) => new Set(d))
        const docCount = (w: string): number => sets.filter((s) => s.has(w)).length
        const bound = matchBound(tree, docCount, (w) => VARIANTS[w] ?? [])
        expect(bound).toBeGreaterThanOrEqual(sets.filter((s) => matches(tree, s)).length)
      }),
      { numRuns: 300 }
    )
  })

  it('is the word’s own count for a plain word, and the smallest part of an AND', () => {
    const docs = (w: string): number => ({ dam: 7, river: 3 })[w] ?? 0
    const dam: QueryNode = { kind: 'term', text: 'dam', fuzzy: false, prefix: false, field: null }
    const river: QueryNode = { kind: 'term', text: 'river', fuzzy: false, prefix: false, field: 'title' }
    expect(matchBound(dam, docs, () => [])).toBe(7)
    expect(matchBound({ kind: 'and', children: [dam, river], exclude: [] }, docs, () => [])).toBe(3)
    expect(matchBound({ kind: 'or', children: [dam, river] }, docs, () => [])).toBe(10)
    expect(matchBound({ ...dam, prefix: true }, docs, () => [])).toBe(Number.POSITIVE_INFINITY)
  })
})
