import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchBounds, type ArticleCounts } from '../../../src/main/search/match-bound'
import type { QueryNode } from '../../../src/shared/search'

const WORDS = ['dam', 'damp', 'river', 'rain', 'gate', 'road', 'farm']
/** Each word's spellings when the query asks for them (a word is always its own). */
const VARIANTS: Record<string, string[]> = { dam: ['damm'], rain: ['rayn', 'rane'] }
const ALL = [...WORDS, 'damm', 'rayn', 'rane']

const term: fc.Arbitrary<QueryNode> = fc
  .record({ text: fc.constantFrom(...WORDS, 'ra', 'da'), fuzzy: fc.boolean(), prefix: fc.boolean(), field: fc.constantFrom(null, 'title' as const) })
  .map(({ text, fuzzy, prefix, field }) => ({ kind: 'term', text, fuzzy, prefix, field }))
const { node } = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    term,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((children): QueryNode => ({ kind: 'or', children })),
    fc
      .tuple(fc.array(tie('node'), { minLength: 1, maxLength: 3 }), fc.array(term, { maxLength: 1 }))
      .map(([children, exclude]): QueryNode => ({ kind: 'and', children, exclude })),
    fc.constant<QueryNode>({ kind: 'phrase', text: 'dam gate', field: null }),
    fc.constant<QueryNode>({ kind: 'phrase', text: 'Road, FARM', field: 'title' }),
    fc.constant<QueryNode>({ kind: 'near', terms: ['river', 'rain gate'], distance: 5 }),
    fc.constant<QueryNode>({ kind: 'term', text: 'gate ra', fuzzy: false, prefix: true, field: null })
  )
}))

/** A document: the words of its title, and of the rest. */
interface Doc {
  title: ReadonlySet<string>
  body: ReadonlySet<string>
}

/** The words of a phrase as FTS5 cuts them. */
const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^a-z]+/).filter(Boolean)

/**
 * Whether a document matches the tree as FTS5 would. Documents have no word order here, so a
 * phrase or NEAR group matches wherever all its words occur: more documents than FTS5 finds,
 * which its bounds must hold for all the same.
 */
function matches(n: QueryNode, doc: Doc): boolean {
  const all = new Set([...doc.title, ...doc.body])
  switch (n.kind) {
    case 'term': {
      const words = n.field === 'title' ? doc.title : all
      if (n.text.includes(' ')) {
        const parts = wordsOf(n.text)
        const last = parts.pop()!
        return parts.every((w) => words.has(w)) && [...words].some((w) => (n.prefix ? w.startsWith(last) : w === last))
      }
      if (n.prefix) return [...words].some((w) => w.startsWith(n.text))
      return [n.text, ...(n.fuzzy ? (VARIANTS[n.text] ?? []) : [])].some((w) => words.has(w))
    }
    case 'phrase':
      return wordsOf(n.text).every((w) => (n.field === 'title' ? doc.title : all).has(w))
    case 'near':
      return n.terms.flatMap(wordsOf).every((w) => all.has(w))
    case 'or':
      return n.children.some((c) => matches(c, doc))
    case 'and':
      return n.children.every((c) => matches(c, doc)) && !n.exclude.some((c) => matches(c, doc))
  }
}

/** The vocabulary's article counts over these documents (a word in any column counts). */
function countsOf(docs: readonly Doc[]): ArticleCounts {
  const docCount = (w: string): number => docs.filter((d) => d.title.has(w) || d.body.has(w)).length
  const starting = (prefix: string): string[] => ALL.filter((w) => w.startsWith(prefix))
  return {
    docCount,
    prefixPostings: (prefix) => starting(prefix).reduce((sum, w) => sum + docCount(w), 0),
    completions: (prefix, limit) =>
      starting(prefix)
        .map((w) => ({ docs: docCount(w) }))
        .sort((a, b) => b.docs - a.docs)
        .slice(0, limit)
  }
}

const words = fc.uniqueArray(fc.constantFrom(...ALL), { maxLength: 5 }).map((ws) => new Set(ws))

describe('matchBounds', () => {
  it('holds the number of documents a tree matches between its lower and upper bound', () => {
    fc.assert(
      fc.property(node, fc.array(fc.record({ title: words, body: words }), { maxLength: 30 }), (tree, docs) => {
        const bounds = matchBounds(tree, countsOf(docs), (w) => VARIANTS[w] ?? [])
        const n = docs.filter((d) => matches(tree, d)).length
        expect(bounds.lower).toBeLessThanOrEqual(n)
        expect(bounds.upper).toBeGreaterThanOrEqual(n)
      }),
      { numRuns: 400 }
    )
  })

  it('is the word’s own count for a plain word, the smallest part of an AND at most, and an OR’s sum', () => {
    const counts: ArticleCounts = {
      docCount: (w) => ({ dam: 7, river: 3 })[w] ?? 0,
      prefixPostings: () => null,
      completions: () => []
    }
    const dam: QueryNode = { kind: 'term', text: 'dam', fuzzy: false, prefix: false, field: null }
    const river: QueryNode = { kind: 'term', text: 'river', fuzzy: false, prefix: false, field: 'title' }
    expect(matchBounds(dam, counts, () => [])).toEqual({ lower: 7, upper: 7 })
    expect(matchBounds(river, counts, () => [])).toEqual({ lower: 0, upper: 3 })
    expect(matchBounds({ kind: 'and', children: [dam, river], exclude: [] }, counts, () => [])).toEqual({ lower: 0, upper: 3 })
    expect(matchBounds({ kind: 'or', children: [dam, river] }, counts, () => [])).toEqual({ lower: 7, upper: 10 })
    expect(matchBounds({ ...dam, prefix: true }, counts, () => [])).toEqual({ lower: 0, upper: Number.POSITIVE_INFINITY })
  })

  it('bounds a phrase or NEAR group by its rarest word, leaving out a prefix and what spellings may match', () => {
    const counts: ArticleCounts = {
      docCount: (w) => ({ dam: 7, river: 3, gate: 50 })[w] ?? 0,
      prefixPostings: () => null,
      completions: () => []
    }
    expect(matchBounds({ kind: 'phrase', text: 'Dam, gate', field: null }, counts, () => [])).toEqual({ lower: 0, upper: 7 })
    expect(matchBounds({ kind: 'near', terms: ['gate', 'the river'], distance: 10 }, counts, () => [])).toEqual({ lower: 0, upper: 0 })
    expect(matchBounds({ kind: 'near', terms: ['gate', 'river'], distance: 10 }, counts, () => [])).toEqual({ lower: 0, upper: 3 })
    expect(matchBounds({ kind: 'term', text: 'gate riv', fuzzy: false, prefix: true, field: null }, counts, () => [])).toEqual({ lower: 0, upper: 50 })
    expect(matchBounds({ kind: 'term', text: 'gate dam', fuzzy: true, prefix: false, field: null }, counts, () => [])).toEqual({
      lower: 0,
      upper: Number.POSITIVE_INFINITY
    })
    expect(matchBounds({ kind: 'phrase', text: '…', field: null }, counts, () => [])).toEqual({ lower: 0, upper: Number.POSITIVE_INFINITY })
  })
})
