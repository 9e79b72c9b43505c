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

  it('leaves ordinary objects that merely have a $bytes key with siblings alone', () => {
    const value = { $bytes: 'AAE=', other: 1 }
    expect(fromWire(toWire(value))).toEqual(value)
  })
})
