/**
 * Time that passes while this process can run, for the deadlines of an import's files.
 *
 * Node's timers and `performance.now()` follow a clock that keeps counting while a Mac sleeps
 * (libuv reads `mach_continuous_time` there) and while the process is stopped (SIGSTOP, a
 * debugger). Every file in flight when the lid closed would wake past its deadline and be
 * reported as hung: stopping a benchmark's import for eight minutes failed four files that way.
 * Looked at every LOOK_MS, the clock counts each interval between two looks up to MAX_GAP_MS;
 * a longer one is time the process did not run, and counts as MAX_GAP_MS.
 */

/** How often a pending deadline looks at its clock. */
export const LOOK_MS = 1_000

/**
 * The longest interval between two looks that counts whole. Above the longest the writer holds
 * the event loop in one piece of work (merging fingerprints took 2.8 s at 100,000 articles), so
 * a busy loop is never mistaken for a sleep.
 */
export const MAX_GAP_MS = 5_000

export class AwakeClock {
  private last: number
  private counted = 0

  constructor(private readonly now: () => number = () => performance.now()) {
    this.last = now()
  }

  /** Milliseconds counted since the clock was made. */
  elapsedMs(): number {
    const t = this.now()
    this.counted += Math.min(Math.max(0, t - this.last), MAX_GAP_MS)
    this.last = t
    return this.counted
  }
}

/** Calls `expire` once `ms` have passed on `clock`, unless the returned function cancels it first. */
export function awakeTimeout(ms: number, expire: () => void, clock: AwakeClock = new AwakeClock()): () => void {
  let timer: NodeJS.Timeout
  const look = (): void => {
    const left = ms - clock.elapsedMs()
    if (left <= 0) expire()
    else timer = setTimeout(look, Math.min(left, LOOK_MS))
  }
  timer = setTimeout(look, Math.min(ms, LOOK_MS))
  return () => clearTimeout(timer)
}
