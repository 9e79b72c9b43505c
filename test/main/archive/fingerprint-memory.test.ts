import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FingerprintMemory } from '../../../src/main/archive/repo/fingerprint-memory'

type Op = { kind: 'add' | 'remove'; hash: number; article: number; ordinal: number } | { kind: 'clear' }

// A few hashes, 0 and the largest among them, so chains, probing and regrowth all happen.
const hash = fc.oneof(fc.constantFrom(0, 1, 2 ** 32 - 1), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }))
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('add' as const), hash, article: fc.integer({ min: 1, max: 6 }), ordinal: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('remove' as const), hash, article: fc.integer({ min: 1, max: 6 }), ordinal: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) }
)

describe('FingerprintMemory', () => {
  it('holds exactly the rows a set of (hash, article, ordinal) holds, and says which, through adds, removes and clears', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 100, maxLength: 3000, size: 'max' }), (ops) => {
        const memory = new FingerprintMemory()
        const oracle = new Map<number, Set<string>>()
        for (const o of ops) {
          if (o.kind === 'clear') {
            memory.clear()
            oracle.clear()
            continue
          }
          const key = `${o.article}:${o.ordinal}`
          const held = oracle.get(o.hash)?.has(key) ?? false
          expect(memory.has(o.hash, o.article, o.ordinal)).toBe(held)
          if (o.kind === 'add') {
            memory.add(o.hash, o.article, o.ordinal)
            if (!oracle.has(o.hash)) oracle.set(o.hash, new Set())
            oracle.get(o.hash)!.add(key)
          } else {
            expect(memory.remove(o.hash, o.article, o.ordinal)).toBe(held)
            oracle.get(o.hash)?.delete(key)
          }
        }
        let size = 0
        for (const [h, keys] of oracle) {
          size += keys.size
          expect(memory.count(h, 1000)).toBe(keys.size)
          expect(memory.count(h, 1)).toBe(Math.min(1, keys.size))
          const rows = memory.rows(h).map((r) => `${r.article_id}:${r.ordinal}`)
          expect(rows.sort()).toEqual([...keys].sort())
          expect(memory.rows(h).every((r) => r.hash === h)).toBe(true)
        }
        expect(memory.size).toBe(size)
        expect(memory.count(123_456_789, 10)).toBe(oracle.get(123_456_789)?.size ?? 0)
      }),
      { numRuns: 200 }
    )
  })
})
