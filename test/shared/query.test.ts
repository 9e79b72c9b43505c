import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allLeaves, parseQuery } from '../../src/shared/query'
import type { QueryNode } from '../../src/shared/search'
import {
  MAX_EXPAND_LENGTH,
  MAX_EXPANDED_WORDS,
  MAX_NEAR_WORDS,
  MAX_QUERY_NESTING,
  MAX_QUERY_NOTICES,
  MAX_QUERY_WORDS
} from '../../src/shared/search-limits'

const FIXTURES = join(__dirname, '../fixtures/search')

/** Levels of and/or below the root: what every recursive walk of the tree descends. */
function depth(node: QueryNode | null): number {
  if (!node) return 0
  if (node.kind === 'and') return 1 + Math.max(0, ...[...node.children, ...node.exclude].map(depth))
  if (node.kind === 'or') return 1 + Math.max(0, ...node.children.map(depth))
  return 1
}

/** What the limits promise of any parse, whatever was typed. */
function expectBounded(q: ReturnType<typeof parseQuery>): void {
  expect(q.readAs.length).toBeGreaterThan(0)
  expect(depth(q.root)).toBeLessThanOrEqual(2 * MAX_QUERY_NESTING + 2)
  const leaves = allLeaves(q.root)
  const words = leaves.reduce((n, l) => n + (l.kind === 'near' ? l.terms.length : l.text.split(' ').length), 0)
  expect(words + q.filters.length).toBeLessThanOrEqual(MAX_QUERY_WORDS)
  const expanded = leaves.filter((l) => l.kind === 'term' && (l.fuzzy || l.prefix))
  expect(expanded.length).toBeLessThanOrEqual(MAX_EXPANDED_WORDS)
  for (const l of expanded) expect(l.kind === 'term' && l.text.split(' ').at(-1)!.length).toBeLessThanOrEqual(MAX_EXPAND_LENGTH)
  for (const l of leaves) if (l.kind === 'near') expect(l.terms.join(' ').split(' ').length).toBeLessThanOrEqual(MAX_NEAR_WORDS)
  expect(q.warnings.length).toBeLessThanOrEqual(MAX_QUERY_NOTICES + 1)
}

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

  it(`reads parentheses nested deeper than ${MAX_QUERY_NESTING} levels without grouping, and says so`, () => {
    const nested = parseQuery(`${'('.repeat(2_000)}kabul`)
    expect(nested.root).toEqual({ kind: 'term', text: 'kabul', prefix: false, fuzzy: false, field: null })
    expect(nested.readAs).toBe('kabul')
    expect(nested.warnings).toEqual([
      `parentheses nested deeper than ${MAX_QUERY_NESTING} levels were ignored; the words inside were read without them`,
      'a "(" was never closed; the group runs to the end'
    ])
    // Balanced: the ignored ")" close the ignored "(", so what follows is outside every group.
    const balanced = parseQuery(`${'('.repeat(2_000)}kabul${')'.repeat(2_000)} taliban`)
    expect(balanced.warnings).toHaveLength(1)
    expect(balanced.readAs).toBe('kabul and taliban')
    expect(parseQuery(`${'('.repeat(MAX_QUERY_NESTING)}kabul OR herat${')'.repeat(MAX_QUERY_NESTING)}`).warnings).toEqual([])
    const flat = parseQuery(`${'('.repeat(MAX_QUERY_NESTING)}kabul (herat OR mazar) -(taliban)${')'.repeat(MAX_QUERY_NESTING)}`)
    expect(flat.root).toMatchObject({ kind: 'and', children: [{ text: 'kabul' }, { kind: 'or' }, { text: 'taliban' }] })
    expect(flat.warnings).toContain(`a "-" or NOT before a group nested deeper than ${MAX_QUERY_NESTING} levels was ignored`)
    const ors = parseQuery(`${'('.repeat(MAX_QUERY_NESTING)}(kabul OR herat) OR mazar${')'.repeat(MAX_QUERY_NESTING)} taliban`)
    expect(ors.readAs).toBe('(kabul or herat or mazar) and taliban')
  })

  it(`matches words longer than ${MAX_EXPAND_LENGTH} letters exactly, saying so`, () => {
    const long = 'a'.repeat(10_000)
    const fuzzy = parseQuery(`${long}~`)
    expect(fuzzy.root).toEqual({ kind: 'term', text: long, prefix: false, fuzzy: false, field: null })
    expect(fuzzy.warnings).toEqual([`${'a'.repeat(40)}…: words longer than ${MAX_EXPAND_LENGTH} letters are matched exactly, without ~`])
    expect(parseQuery(`${long}*`).root).toMatchObject({ prefix: false, fuzzy: false })
    expect(parseQuery(`${long}*`).warnings[0]).toContain('without *')
    expect(parseQuery(long, { fuzzy: true }).root).toMatchObject({ fuzzy: false })
    expect(parseQuery(`${'b'.repeat(MAX_EXPAND_LENGTH)}~`).root).toMatchObject({ fuzzy: true })
    expect(parseQuery(`${'b'.repeat(MAX_EXPAND_LENGTH + 1)}~`).root).toMatchObject({ fuzzy: false })
  })

  it('bounds words, expansions, NEAR groups and notices in a pasted page', () => {
    const page = parseQuery('kabul '.repeat(100_000 / 6))
    expect(page.root).toMatchObject({ kind: 'and' })
    expect(allLeaves(page.root)).toHaveLength(MAX_QUERY_WORDS)
    expect(page.warnings).toEqual([`only the first ${MAX_QUERY_WORDS} words and filters were read; the rest of the query was ignored`])
    const fuzzy = parseQuery(Array.from({ length: 40 }, (_, i) => `word${i}~`).join(' '))
    const expanded = allLeaves(fuzzy.root).filter((l) => l.kind === 'term' && l.fuzzy)
    expect(expanded).toHaveLength(MAX_EXPANDED_WORDS)
    expect(fuzzy.warnings[0]).toContain(`only the first ${MAX_EXPANDED_WORDS} fuzzy and prefix words`)
    const near = parseQuery(`NEAR(${Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')}, 3)`)
    expect(near.root).toMatchObject({ kind: 'near', distance: 3 })
    expect(near.root?.kind === 'near' && near.root.terms).toHaveLength(MAX_NEAR_WORDS)
    expect(parseQuery(`NEAR(${'x-'.repeat(50)}y z)`).root).toMatchObject({ kind: 'phrase' })
    const noisy = parseQuery(Array.from({ length: 50 }, (_, i) => `has:thing${i}`).join(' '))
    expect(noisy.warnings).toHaveLength(MAX_QUERY_NOTICES + 1)
    expect(noisy.warnings.at(-1)).toBe(`…and ${50 - MAX_QUERY_NOTICES} more notices`)
    expect(parseQuery(`NEAR(a b, ${' '.repeat(50_000)}x)`).warnings[0]).toBe('NEAR distance "x" is not a whole number; used 10')
    for (const q of [page, fuzzy, near, noisy]) expectBounded(q)
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

  it('stays within its limits for deep nesting and very long words, whatever surrounds them', () => {
    const piece = fc.oneof(
      fc.constantFrom('(', ')', '-(', 'NOT (', ' OR ', ' ', '"', 'NEAR(', ', 3)', 'title:', 'has:x', '~', '*', 'a', 'kabul'),
      fc.nat(3_000).map((n) => '('.repeat(n)),
      fc.nat(3_000).map((n) => ')'.repeat(n)),
      fc.tuple(fc.nat(12_000), fc.constantFrom('', '~', '*', '-x', '"')).map(([n, end]) => `${'w'.repeat(n)}${end}`),
      fc.nat(500).map((n) => 'ab~ '.repeat(n))
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (pieces, fuzzy) => {
        expectBounded(parseQuery(pieces.join(''), { fuzzy }))
      }),
      { numRuns: 300 }
    )
  })
})
