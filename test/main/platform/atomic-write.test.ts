import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isDiskFull, writeFileAtomic } from '../../../src/main/platform/atomic-write'
import { tempDir } from '../../support/tmp'

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary file beside it', () => {
    const dir = tempDir('annalist-atomic-')
    const file = join(dir, 'out.json')
    writeFileSync(file, 'old content that is longer than the new one')
    expect(writeFileAtomic(file, 'new')).toBe(file)
    expect(readFileSync(file, 'utf8')).toBe('new')
    const bytes = Uint8Array.from([0, 1, 2, 255])
    writeFileAtomic(file, bytes, { fsync: false })
    expect([...readFileSync(file)]).toEqual([...bytes])
    expect(readdirSync(dir)).toEqual(['out.json'])
  })

  it('names the file when it cannot write, keeps the system error as cause, and cleans up', () => {
    const dir = tempDir('annalist-atomic-')
    const target = join(dir, 'missing-folder', 'out.txt')
    let caught: unknown
    try {
      writeFileAtomic(target, 'x')
    } catch (err) {
      caught = err
    }
    expect((caught as Error).message).toContain(target)
    expect(((caught as Error).cause as NodeJS.ErrnoException).code).toBe('ENOENT')
    expect(isDiskFull(caught)).toBe(false)
    expect(isDiskFull(new Error('cannot write x', { cause: Object.assign(new Error('no space'), { code: 'ENOSPC' }) }))).toBe(true)
    expect(readdirSync(dir)).toEqual([])
  })
})
