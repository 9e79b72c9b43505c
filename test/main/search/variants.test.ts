import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { excerpt } from '../../../src/main/search/snippets'
import { topK } from '../../../src/main/search/topk'
import { edits1 } from '../../../src/main/search/spellings'
import { VariantIndex } from '../../../src/main/search/variants'
import { MAX_EXPAND_LENGTH, MAX_PREFIX_SCAN, MAX_VARIANTS, MAX_VARIANT_PROBES } from '../../../src/shared/search-limits'

const spellings = (v: VariantIndex, term: string): string[] => v.variants(term).map((s) => s.term)

describe('VariantIndex', () => {
  const vocab = (): VariantIndex =>
    new VariantIndex([
      ['masood', 1],
      ['massoud', 5],
      ['masoud', 2],
      ['mason', 9],
      ['baglan', 3],
      ['baghlan', 4],
      ['mohammad', 6],
      ['muhammad', 2],
      ['government', 50],
      ['governments', 7],
      ['resistance', 20]
    ])

  it('finds spellings by key, by a weak letter pair, and by typos of the key', () => {
    const v = vocab()
    expect(spellings(v, 'masood')).toEqual(['massoud', 'masoud'])
    expect(spellings(v, 'baghlan')).toEqual(['baglan'])
    expect(spellings(v, 'mohamed')).toEqual(['mohammad', 'muhammad'])
    // A misspelled query finds the ordinary word one edit from it as typed, not one two edits away.
    expect(spellings(v, 'governmnet')).toEqual(['government'])
    // An ordinary word is no spelling of another: government and governments stay apart.
    expect(spellings(v, 'government')).toEqual([])
    expect(spellings(v, 'of')).toEqual([])
  })

  it('follows additions and removals', () => {
    const v = vocab()
    v.variants('masood')
    v.apply(new Map([['massoud', -5], ['masuod', 1]]))
    expect(spellings(v, 'masood')).toEqual(['masoud', 'masuod'])
    expect(v.docCount('massoud')).toBe(0)
    expect(v.completions('mas', 10).map((c) => c.term)).toEqual(['mason', 'masoud', 'masood', 'masuod'])
  })

  it(`gives words longer than ${MAX_EXPAND_LENGTH} letters no variants, at no cost`, () => {
    const v = vocab()
    const before = v.cost
    expect(spellings(v, 'a'.repeat(10_000))).toEqual([])
    expect(v.variants(`${'massoud'.repeat(6)}`)).toEqual([])
    expect(v.cost).toBe(before)
    expect(spellings(v, 'abcdefghij'.repeat(MAX_EXPAND_LENGTH / 10))).toEqual([])
    expect(v.cost - before).toBeGreaterThan(1_500)
    expect(v.cost - before).toBeLessThanOrEqual(MAX_VARIANT_PROBES)
  })

  it(`stops looking after ${MAX_VARIANT_PROBES} probes and keeps the ${MAX_VARIANTS} most frequent it saw`, () => {
    // Ten thousand spellings sharing one key and one edit from each other: the worst vocabulary.
    const runs = (i: number): number[] => [0, 1, 2, 3, 4].map((k) => 1 + (Math.floor(i / 10 ** k) % 10))
    // A long name, so that most of them are within its rewrite budget (one per two letters).
    const name = 'masudabdurrahmanmasud'
    const spellings = Array.from({ length: 10_000 }, (_, i) => runs(i).map((n, k) => name[k]!.repeat(n)).join('') + name.slice(5))
    const v = new VariantIndex([[name, 1], ...spellings.map((t, i) => [t, i + 1] as const)])
    const before = v.cost
    const found = v.variants(name)
    expect(v.cost - before).toBe(MAX_VARIANT_PROBES)
    expect(found).toHaveLength(MAX_VARIANTS)
    const counts = found.map((s) => s.articles)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(v.variants(`masuod${name.slice(5)}`)).toHaveLength(MAX_VARIANTS)
  })

  it(`completes a prefix from at most ${MAX_PREFIX_SCAN} words`, () => {
    const v = new VariantIndex(Array.from({ length: 30_000 }, (_, i) => [`a${String(i).padStart(5, '0')}`, 1 + ((i * 7919) % 1000)] as const))
    const before = v.cost
    const top = v.completions('a', 5)
    expect(v.cost - before).toBe(MAX_PREFIX_SCAN)
    expect(top).toHaveLength(5)
    expect(top[0]!.docs).toBe(1000)
    expect(v.completions('a0000', 20).map((c) => c.term)).toHaveLength(10)
  })

  it('counts the postings a prefix makes FTS5 read, or gives up past the scan limit', () => {
    const v = vocab()
    expect(v.prefixPostings('mas')).toBe(1 + 5 + 2 + 9)
    expect(v.prefixPostings('governments')).toBe(7)
    expect(v.prefixPostings('zz')).toBe(0)
    const broad = new VariantIndex(Array.from({ length: MAX_PREFIX_SCAN + 1 }, (_, i) => [`b${i}`, 1] as const))
    expect(broad.prefixPostings('b')).toBeNull()
    expect(broad.prefixPostings('b1')).not.toBeNull()
  })

  it('edits1 holds every word one edit away and not the word', () => {
    const e = new Set(edits1('ab'))
    expect(e.has('ab')).toBe(false)
    for (const w of ['a', 'b', 'ba', 'xab', 'axb', 'abx', 'xb', 'ax']) expect(e.has(w)).toBe(true)
  })
})

describe('VariantIndex kept in step', () => {
  it('answers completions and variants after counts change as an index built afresh from the same counts', () => {
    const word = fc.stringMatching(/^[a-e]{1,5}$/)
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.integer({ min: 1, max: 9 })), { maxLength: 40 }),
        fc.array(fc.array(fc.tuple(word, fc.integer({ min: -2, max: 9 })), { maxLength: 15 }), { maxLength: 4 }),
        (start, rounds) => {
          const index = new VariantIndex(start)
          index.warm()
          const counts = new Map<string, number>()
          for (const [w, n] of start) counts.set(w, n)
          for (const round of rounds) {
            index.setCounts(round)
            for (const [w, n] of round) counts.set(w, n)
            const fresh = new VariantIndex([...counts])
            for (const prefix of ['', 'a', 'b', 'ab', 'e']) {
              expect(index.completions(prefix, 1_000)).toEqual(fresh.completions(prefix, 1_000))
            }
            expect(index.variants('abcd')).toEqual(fresh.variants('abcd'))
            expect(index.size).toBe(fresh.size)
          }
        }
      ),
      { numRuns: 200 }
    )
  })
})

describe('topK', () => {
  it('returns the same order as a full sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60 }), fc.nat(70), (values, k) => {
        const keys = Float64Array.from(values)
        const ids = values.map((_, i) => 1000 - i)
        const expected = values
          .map((_, i) => i)
          .sort((a, b) => keys[a]! - keys[b]! || ids[a]! - ids[b]!)
          .slice(0, k)
        expect(topK(keys, ids, k)).toEqual(expected)
      })
    )
  })
})

describe('excerpt', () => {
  it('keeps highlights pointing at the same words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'x'), { minLength: 1, maxLength: 150 }), fc.nat(), (words, pick) => {
        const text = words.join(' ')
        const starts = words.map((_, i) => words.slice(0, i).join(' ').length + (i > 0 ? 1 : 0))
        const at = pick % words.length
        const range: [number, number] = [starts[at]!, starts[at]! + words[at]!.length]
        const cut = excerpt(text, [range])
        expect(text.slice(cut.start, cut.start + cut.text.length)).toBe(cut.text)
        expect(cut.text.length).toBeLessThanOrEqual(Math.max(300, words[at]!.length + 80))
        expect(cut.highlights).toHaveLength(1)
        const [s, e] = cut.highlights[0]!
        expect(cut.text.slice(s, e)).toBe(words[at])
      })
    )
  })
})
