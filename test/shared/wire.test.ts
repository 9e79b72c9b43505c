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

  it('writes a value without byte arrays as JSON.stringify does, and what writes itself (toJSON) as it says', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(toWire({ json, at: [json] })).toBe(JSON.stringify({ json, at: [json] }))
      })
    )
    // toJSON comes before the tag: a Buffer writes itself as its own object, as it always has.
    const value = { when: new Date(0), buffer: Buffer.from([1, 2]), bytes: new Uint8Array([3]) }
    expect(JSON.parse(toWire(value))).toEqual({ when: '1970-01-01T00:00:00.000Z', buffer: { type: 'Buffer', data: [1, 2] }, bytes: { $bytes: 'Aw==' } })
    // An object that writes itself as bytes, among values that hold none.
    const custom = { plain: [1, 'a'], custom: { toJSON: () => ({ inner: new Uint8Array([4]) }) } }
    expect(JSON.parse(toWire(custom))).toEqual({ plain: [1, 'a'], custom: { inner: { $bytes: 'BA==' } } })
  })

  it('leaves ordinary objects that merely have a $bytes key with siblings alone', () => {
    const value = { $bytes: 'AAE=', other: 1 }
    expect(fromWire(toWire(value))).toEqual(value)
  })
})
