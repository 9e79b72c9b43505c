import { describe, expect, it } from 'vitest'
import { processCpuMs, runQueueWaitMs } from '../../../src/main/platform/proc'

// A pid above the kernel's pid_max (4,194,304 at most) names no process.
const NO_PROCESS = 99_999_999

describe.runIf(process.platform === 'linux')('process clocks from /proc', () => {
  it('counts CPU time a process spends, and not time it sleeps', async () => {
    const before = processCpuMs(process.pid)!
    const spinUntil = Date.now() + 300
    while (Date.now() < spinUntil) {
      // Burns CPU on purpose.
    }
    const spun = processCpuMs(process.pid)!
    await new Promise((resolve) => setTimeout(resolve, 300))
    const slept = processCpuMs(process.pid)!
    // Spinning 300 ms of wall time gives at most 300 ms of this thread plus helpers; a loaded
    // machine gives less, but never none.
    expect(spun - before).toBeGreaterThan(0)
    expect(slept - spun).toBeLessThan(spun - before + 100)
  })

  it('reads the run-queue wait as a growing number of milliseconds', () => {
    const first = runQueueWaitMs(process.pid)
    expect(first).not.toBeNull()
    expect(first!).toBeGreaterThanOrEqual(0)
    expect(runQueueWaitMs(process.pid)!).toBeGreaterThanOrEqual(first!)
  })

  it('answers null for a process that does not exist', () => {
    expect(processCpuMs(NO_PROCESS)).toBeNull()
    expect(runQueueWaitMs(NO_PROCESS)).toBeNull()
  })
})
