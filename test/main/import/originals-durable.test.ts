import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { originalPath, sha256 } from '../../../src/main/archive/originals'
import { makeOriginalDurable, writeOriginal } from '../../../src/main/import/originals-durable'
import { tempDir } from '../../support/tmp'

describe('writeOriginal', () => {
  it('stores bytes under their hash and reuses an intact copy', async () => {
    const dir = tempDir()
    const bytes = new TextEncoder().encode('Original article bytes')
    const hash = sha256(bytes)
    const first = writeOriginal(dir, bytes, hash)
    expect(first.path).toBe(originalPath(dir, hash))
    expect(first.newFolder).toBe(true)
    await makeOriginalDurable(dir, first)
    expect(writeOriginal(dir, bytes, hash).newFolder).toBe(false)
    expect(readFileSync(first.path)).toEqual(Buffer.from(bytes))
  })

  it('replaces a leftover copy of the right size whose bytes are damaged', () => {
    const dir = tempDir()
    const bytes = new TextEncoder().encode('Original article bytes')
    const hash = sha256(bytes)
    const target = originalPath(dir, hash)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, 'Original articlX bytes')
    writeOriginal(dir, bytes, hash)
    expect(sha256(readFileSync(target))).toBe(hash)
    expect(readFileSync(join(dirname(target), hash), 'utf8')).toBe('Original article bytes')
  })
})
