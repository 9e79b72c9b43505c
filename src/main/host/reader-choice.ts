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
 * and answers the next call sooner than a reader still starting or yet to start: loading the
 * backend took a thread 150 ms on an idle machine, 1.0-1.3 s beside a check and a backup on two
 * cores, while searches there took 10-150 ms. (Long reads run on threads of their own, so a
 * pool reader's call is short unless it is slow.) At 50 ms, with a check and a backup running,
 * searches went to readers still starting and waited up to 1.3 s (bench responsiveness).
 */
export const SHORT_CALL_MS = 250

/**
 * Which reader takes the next read: its index, or 'new' for a reader to start.
 * An idle ready reader; else a ready one on a short call; else an idle one still starting; else
 * a new one while below the ceiling; else the one whose oldest unanswered call is the most
 * recent. (The host starts a spare beside whichever it picks when all are busy.) A count of
 * calls would pick the reader stuck on one slow call over one working through short searches.
 */
export function chooseReader(readers: readonly ReaderState[], now: number, canGrow: boolean): number | 'new' {
  const idle = (r: ReaderState): boolean => r.pending === 0
  const readyIdle = readers.findIndex((r) => r.ready && idle(r))
  if (readyIdle >= 0) return readyIdle
  const short = latestBusy(readers, (r) => r.ready && now - r.oldestSentAt < SHORT_CALL_MS)
  if (short !== null) return short
  const starting = readers.findIndex(idle)
  if (starting >= 0) return starting
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
