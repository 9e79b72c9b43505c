/**
 * Runs `task` over `items` with at most `width` in flight (file I/O waits on the thread pool, so a
 * few at once hide fsync and read latency). Stops taking new items after the first failure and
 * rethrows it once the running ones have settled.
 */
export async function eachLimited<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failed = false
  let failure: unknown
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++]!
      try {
        await task(item)
      } catch (err) {
        if (!failed) failure = err
        failed = true
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane))
  if (failed) throw failure
}
