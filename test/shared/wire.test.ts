import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromWire, toWire } from '../../src/shared/wire'

describe('wire codec', () => {
  it('round-trips nested byte arrays of any size', () => {
    const big = new Uint8Array(200_000).map((_, i) => (i * 31) & 0xff)
    const value = { files: [{ name: 'a', bytes: new Uint8Array([0, 1, 255]) }, { name: 'b', bytes: big }] }
    const back = fromWire(toWire(value)) as typeof value
    expect(Array.from(back.files[0]!.bytes)).toEqual([0, 1, 255])
    expect(back.files[1]!.bytes).toEqual(big)
  })

  it('gives back any JSON value with byte arrays among it, or none, and strings that name the tag', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.uint8Array({ maxLength: 40 })), fc.string(), (json, bytes, text) => {
        // Without bytes the text holds no tag's key (a string naming it is escaped in JSON).
        const value = { json, text, named: '"$bytes"', ...(bytes ? { bytes, nested: [{ bytes }], tagLike: { $bytes: text, json } } : {}) }
        const back = fromWire(toWire(value)) as typeof value
        expect(toWire(back)).toBe(toWire(value))
        if (bytes) {
          expect(back.bytes).toBeInstanceOf(Uint8Array)
          expect(Array.from(back.nested![0]!.bytes)).toEqual(Array.from(bytes))
        } else expect(back).toEqual(JSON.parse(toWire(value)))
      })
    )
  })

  it('leaves ordinary objects that merely have a $bytes key with siblings alone', () => {
    const value = { $bytes: 'AAE=', other: 1 }
    expect(fromWire(toWire(value))).toEqual(value)
  })
})
