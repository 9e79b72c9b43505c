import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ParsePool } from '../../../src/main/import/worker-pool'
import { LOOK_MS } from '../../../src/main/platform/awake-clock'
import { tempDir } from '../../support/tmp'
import { MISBEHAVING_PARSER } from './support'

const LIMIT_MS = 600_000

afterEach(() => vi.restoreAllMocks())

describe('ParsePool.close', () => {
  it('clears the time limit of a running task, so a cancelled import can exit at once', async () => {
    const setSpy = vi.spyOn(globalThis, 'setTimeout')
    const clearSpy = vi.spyOn(globalThis, 'clearTimeout')
    const pool = new ParsePool({ size: 1, timeoutMs: LIMIT_MS, parserModule: MISBEHAVING_PARSER })
    const bytes = Buffer.from('Never parsed\n\nThe parser spins on this file.')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    void pool.run({ id: 0, name: 'x-hang.txt', bytes, mtimeMs: null, sha256, originalsDir: tempDir() })
    // The task is running once the worker is up and its time limit has been set (a timer that
    // looks at the task's clock every LOOK_MS until the limit).
    const limitTimers = (): unknown[] => setSpy.mock.calls.flatMap((call, i) => (call[1] === LOOK_MS ? [setSpy.mock.results[i]!.value] : []))
    while (limitTimers().length === 0) await new Promise((resolve) => setImmediate(resolve))
    await pool.close()
    const cleared = new Set(clearSpy.mock.calls.map((call) => call[0]))
    expect(limitTimers().every((timer) => cleared.has(timer as NodeJS.Timeout))).toBe(true)
  })
})
