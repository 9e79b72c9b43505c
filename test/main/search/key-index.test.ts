import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KeyIndex } from '../../../src/main/search/key-index'
import { nameKey } from '../../../src/main/text/name-key'

describe('KeyIndex', () => {
  it('holds, after any adds and removes, each key with its words in the order they came and the keys of each shape', () => {
    // Spellings that share keys (Masood, Masoud, Massoud), and short words that often do.
    const word = fc.oneof(fc.constantFrom('masood', 'masoud', 'massoud', 'masud', 'mahmoud', 'mahmud', 'kabul', 'qabul'), fc.stringMatching(/^[aeiosuqk]{2,5}$/))
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), word), { maxLength: 60 }), (steps) => {
        const index = new KeyIndex()
        const model = new Map<string, string[]>()
        for (const [adding, term] of steps) {
          const key = nameKey(term)
          if (adding) {
            index.add(term)
            model.set(key, [...(model.get(key) ?? []), term])
          } else {
            index.remove(term)
            const left = (model.get(key) ?? []).filter((t) => t !== term)
            if (left.length) model.set(key, left)
            else model.delete(key)
          }
        }
        const keys = new Set([...steps.map(([, t]) => nameKey(t))])
        for (const key of keys) {
          expect(index.terms(key)).toEqual(model.get(key) ?? [])
          expect([...index.keysShaped(key.charAt(0), key.length)].includes(key)).toBe(model.has(key))
        }
      })
    )
  })
})
