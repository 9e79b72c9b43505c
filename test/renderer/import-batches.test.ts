import { describe, expect, it } from 'vitest'
import { batchBlobs } from '../../src/renderer/src/lib/batches'

const blob = (name: string, size: number): { name: string; bytes: Uint8Array } => ({ name, bytes: new Uint8Array(size) })

describe('batchBlobs', () => {
  it('keeps every file, in order, within the file and byte limits', () => {
    const files = Array.from({ length: 45 }, (_, i) => blob(`f${i}`, 10))
    const batches = batchBlobs(files, 20, 1000)
    expect(batches.map((b) => b.length)).toEqual([20, 20, 5])
    expect(batches.flat().map((f) => f.name)).toEqual(files.map((f) => f.name))
  })

  it('starts a new batch before the byte limit would be passed, and lets one huge file travel alone', () => {
    const batches = batchBlobs([blob('a', 600), blob('b', 600), blob('c', 5000), blob('d', 1)], 20, 1000)
    expect(batches.map((b) => b.map((f) => f.name).join(''))).toEqual(['a', 'b', 'c', 'd'])
  })

  it('returns no batch for no files', () => {
    expect(batchBlobs([])).toEqual([])
  })
})
