import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { positionalIds, PROJECT_AFTER } from '../../../src/main/search/positional-ids'

/** An iterator over `ids` that counts the rows handed out and whether it was let go. */
function rows(ids: readonly number[]): Iterator<number> & { read: number; released: boolean } {
  const it = {
    read: 0,
    released: false,
    next(): IteratorResult<number> {
      if (it.released || it.read >= ids.length) return { done: true, value: undefined }
      return { done: false, value: ids[it.read++]! }
    },
    return(): IteratorResult<number> {
      it.released = true
      return { done: true, value: undefined }
    }
  }
  return it
}

const ascending = (maxId: number): fc.Arbitrary<number[]> =>
  fc.uniqueArray(fc.integer({ min: 1, max: maxId }), { maxLength: 300 }).map((xs) => xs.sort((a, b) => a - b))

describe('positionalIds (a phrase read in id order until it shows it stays under the rank limit)', () => {
  it('reads every match of a phrase over the limit', () => {
    const ids = Array.from({ length: 100 }, (_, i) => 1 + i * 10)
    const source = rows(ids)
    expect(positionalIds(source, 1000, 40)).toEqual(ids)
    expect(source.released).toBe(false)
  })

  it('stops early, and lets the statement go, when the matches met are few for the ids passed', () => {
    // 30 matches spread over 1,000 ids: past the first 16th, 2 matches project to about 30.
    const ids = Array.from({ length: 30 }, (_, i) => 20 + i * 33)
    const source = rows(ids)
    expect(positionalIds(source, 1000, 40)).toBeNull()
    expect(source.released).toBe(true)
    expect(source.read).toBe(ids.findIndex((id) => id >= 1000 * PROJECT_AFTER) + 1)
  })

  it('judges nothing before the first 16th of the ids', () => {
    // Ten matches among the first ids, then one at the end: no judgement until that one.
    const ids = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 990]
    const source = rows(ids)
    expect(positionalIds(source, 1000, 40)).toBeNull()
    expect(source.read).toBe(ids.length)
  })

  it('keeps reading while the matches project over the limit, and returns them all when it ends there', () => {
    // Dense at first (projecting far over 40), then nothing more: 39 in all, under the limit.
    const ids = Array.from({ length: 39 }, (_, i) => 60 + i)
    expect(positionalIds(rows(ids), 1000, 40)).toEqual(ids)
  })

  it('gives no ids for a phrase matching nothing', () => {
    expect(positionalIds(rows([]), 1000, 40)).toEqual([])
  })

  it('returns either every match or none, and every match when they are over the limit and spread evenly', () => {
    fc.assert(
      fc.property(ascending(5000), fc.integer({ min: 1, max: 200 }), (ids, rankLimit) => {
        const source = rows(ids)
        const got = positionalIds(source, 5000, rankLimit)
        if (got !== null) {
          expect(got).toEqual(ids)
          expect(source.released).toBe(false)
        } else {
          expect(source.released).toBe(true)
          expect(source.read).toBeLessThanOrEqual(Math.min(ids.length, rankLimit))
        }
      })
    )
    // Evenly spread, over the limit: never cut short.
    for (const total of [41, 60, 200]) {
      const ids = Array.from({ length: total }, (_, i) => Math.floor(((i + 0.5) * 5000) / total))
      expect(positionalIds(rows(ids), 5000, 40)).toEqual(ids)
    }
  })

  it('reads to the end a phrase its caller would rather rank itself, asking once where it would stop', () => {
    // 30 matches spread over 1,000 ids, as above: the pass would stop at the first id past 62.
    const ids = Array.from({ length: 30 }, (_, i) => 20 + i * 33)
    const asked: [number, number][] = []
    const source = rows(ids)
    const got = positionalIds(source, 1000, 40, (projected, share) => {
      asked.push([projected, share])
      return true
    })
    expect(got).toEqual(ids)
    expect(source.released).toBe(false)
    // Asked once, at id 86 (the third match): 3 matches in 86 ids project to 34.9 of 1,000.
    expect(asked).toEqual([[(3 * 1000) / 86, 86 / 1000]])
    // Told no, it stops there as before.
    const cut = rows(ids)
    expect(positionalIds(cut, 1000, 40, () => false)).toBeNull()
    expect(cut.released).toBe(true)
    expect(cut.read).toBe(3)
  })
})
