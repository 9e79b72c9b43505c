/** What choosing a reader for a call needs to know of each reader. */
export interface ReaderState {
  /** It has opened the archive and takes calls (a reader still starting queues them). */
  ready: boolean
  /** Calls sent to it and not answered yet. */
  pending: number
  /** When its longest-waiting unanswered call was sent (Infinity when it has none), in clockMs. */
  oldestSentAt: number
}

/**
 * A ready reader whose oldest call is younger than this is on a short read (a search, a list),
 * and answers the next call sooner than a reader still starting: loading the backend takes a
 * thread 150 ms or more on two cores, seconds under load.
 */
export const SHORT_CALL_MS = 50

/**
 * Which reader takes the next read: its index, or 'new' for a reader to start.
 * An idle ready reader; else, when an idle one is still starting, a ready one on a short call
 * (a window opening sends calls together while the spare started after the first reader may
 * still be loading), else that starting one; else a new one while below the ceiling; else the
 * one whose oldest unanswered call is the most recent. A count of calls would pick the reader
 * holding one long check over one working through short searches, and the read would wait for
 * the whole check.
 */
export function chooseReader(readers: readonly ReaderState[], now: number, canGrow: boolean): number | 'new' {
  const idle = (r: ReaderState): boolean => r.pending === 0
  const readyIdle = readers.findIndex((r) => r.ready && idle(r))
  if (readyIdle >= 0) return readyIdle
  const starting = readers.findIndex(idle)
  if (starting >= 0) {
    const short = latestBusy(readers, (r) => r.ready && now - r.oldestSentAt < SHORT_CALL_MS)
    return short ?? starting
  }
  if (canGrow) return 'new'
  return latestBusy(readers, () => true) ?? 0
}

/** Among the readers `which` allows, the one whose oldest unanswered call is the most recent. */
function latestBusy(readers: readonly ReaderState[], which: (r: ReaderState) => boolean): number | null {
  let best: number | null = null
  readers.forEach((r, i) => {
    if (which(r) && (best === null || r.oldestSentAt > readers[best]!.oldestSentAt)) best = i
  })
  return best
}
