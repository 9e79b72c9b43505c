import { afterEach, describe, expect, it, vi } from 'vitest'
import { AwakeClock, awakeTimeout, LOOK_MS, MAX_GAP_MS } from '../../../src/main/platform/awake-clock'

/** A clock whose time the test sets. */
function manual(): { clock: AwakeClock; at: (ms: number) => void } {
  let t = 1_000
  return { clock: new AwakeClock(() => t), at: (ms) => (t = 1_000 + ms) }
}

afterEach(() => vi.useRealTimers())

describe('AwakeClock', () => {
  it('counts time looked at often, and a long gap as MAX_GAP_MS', () => {
    const { clock, at } = manual()
    at(900)
    expect(clock.elapsedMs()).toBe(900)
    at(MAX_GAP_MS + 900)
    expect(clock.elapsedMs()).toBe(MAX_GAP_MS + 900)
    // Eight minutes without a look: the machine slept, or the process was stopped.
    at(MAX_GAP_MS + 900 + 480_000)
    expect(clock.elapsedMs()).toBe(2 * MAX_GAP_MS + 900)
    // A clock that steps back counts nothing for it.
    at(0)
    expect(clock.elapsedMs()).toBe(2 * MAX_GAP_MS + 900)
  })
})

/**
 * Fake timers with a clock that follows them, plus `sleep(ms)`: time that passes on the clock
 * with no timer able to run (the machine asleep), seen by the next look.
 */
function fakeTime(): { clock: AwakeClock; run: (ms: number) => void; sleep: (ms: number) => void } {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
  let slept = 0
  return {
    clock: new AwakeClock(() => performance.now() + slept),
    run: (ms) => vi.advanceTimersByTime(ms),
    sleep: (ms) => (slept += ms)
  }
}

describe('awakeTimeout', () => {
  it('expires after its time when the process runs throughout', () => {
    const { clock, run } = fakeTime()
    const expire = vi.fn()
    awakeTimeout(20_000, expire, clock)
    run(19_999)
    expect(expire).not.toHaveBeenCalled()
    run(1)
    expect(expire).toHaveBeenCalledTimes(1)
  })

  it('does not count a sleep that came while it waited', () => {
    const { clock, run, sleep } = fakeTime()
    const expire = vi.fn()
    awakeTimeout(20_000, expire, clock)
    run(LOOK_MS / 2)
    sleep(600_000)
    // The look after the ten minutes asleep counts them as MAX_GAP_MS.
    const left = 20_000 - MAX_GAP_MS
    run(left - 1)
    expect(expire).not.toHaveBeenCalled()
    run(LOOK_MS)
    expect(expire).toHaveBeenCalledTimes(1)
  })

  it('never expires once cancelled', () => {
    const { clock, run } = fakeTime()
    const expire = vi.fn()
    const cancel = awakeTimeout(2_000, expire, clock)
    run(1_000)
    cancel()
    run(5_000)
    expect(expire).not.toHaveBeenCalled()
  })
})
