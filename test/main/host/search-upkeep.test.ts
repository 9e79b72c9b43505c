import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Archive } from '../../../src/main/archive/archive'
import { vocabQueueLength } from '../../../src/main/archive/repo/search-vocab'
import type { ImportProgress } from '../../../src/shared/types'
import { SearchUpkeep } from '../../../src/main/host/search-upkeep'
import { tempArchive } from '../../support/tmp'
import { fixtureArticles, seed } from '../search/support'

afterEach(() => {
  vi.useRealTimers()
})

/** A progress report of an import of 10,000 files. */
const progress = (batchId: string, done: number, total = 10_000): ImportProgress => ({ batchId, done, total, current: null })

/** `archive`'s one queued article is drained exactly `ms` from now, not a millisecond before. */
function drainedAfter(archive: Archive, ms: number): void {
  vi.advanceTimersByTime(ms - 1)
  expect(vocabQueueLength(archive.db)).toBe(1)
  vi.advanceTimersByTime(1)
  expect(vocabQueueLength(archive.db)).toBe(0)
}

describe('search upkeep on the writer', () => {
  it('drains an import two seconds after its progress, and an answered call 200 ms after it, whichever comes first, once', () => {
    const archive = tempArchive()
    const upkeep = new SearchUpkeep(() => archive)
    upkeep.checkIndex()
    const [first, second, third] = fixtureArticles()
    vi.useFakeTimers()

    seed(archive, [first!])
    upkeep.importProgressed(progress('a', 0))
    upkeep.importProgressed(progress('a', 1))
    drainedAfter(archive, 2000)

    // An edit answered during the import brings the drain forward; the import's later progress does not push it back.
    seed(archive, [second!])
    upkeep.importProgressed(progress('b', 1))
    vi.advanceTimersByTime(500)
    upkeep.schedule()
    upkeep.importProgressed(progress('b', 2))
    drainedAfter(archive, 200)
    expect(vi.getTimerCount()).toBe(0)

    seed(archive, [third!])
    upkeep.schedule()
    upkeep.stop()
    vi.advanceTimersByTime(5000)
    expect(vocabQueueLength(archive.db)).toBe(1)
  })

  it('waits twice as long after each drain of a running import, up to 16 s, drains a long queue at once, and a finished import soon', () => {
    const archive = tempArchive()
    // Three queued articles bring a drain forward here (1,000 in the app).
    const upkeep = new SearchUpkeep(() => archive, 3)
    upkeep.checkIndex()
    const articles = fixtureArticles()
    vi.useFakeTimers()
    let seeded = 0
    /** One more article imported, and `batchId`'s progress reported at `filesDone`. */
    const report = (batchId: string, filesDone: number): void => {
      seed(archive, [articles[seeded++ % articles.length]!])
      upkeep.importProgressed(progress(batchId, filesDone))
    }
    for (const [n, wait] of [2000, 4000, 8000, 16_000, 16_000].entries()) {
      report('a', 10 * (n + 1))
      drainedAfter(archive, wait)
    }
    // However long the wait, a queue that long is not kept waiting, even within one file.
    report('a', 51)
    report('a', 51)
    vi.advanceTimersByTime(1000)
    expect(vocabQueueLength(archive.db)).toBe(2)
    report('a', 51)
    vi.advanceTimersByTime(0)
    expect(vocabQueueLength(archive.db)).toBe(0)
    // The last files of a finished import, 200 ms after it; the next batch starts at 2 s again,
    // and so does one after a batch that was cancelled (b never reports its last file).
    for (const [batchId, filesDone, wait] of [['a', 10_000, 200], ['b', 5, 2000], ['b', 6, 4000], ['c', 3, 2000]] as const) {
      report(batchId, filesDone)
      drainedAfter(archive, wait)
    }
    expect(vi.getTimerCount()).toBe(0)
  })

  it('drains a scheduled drain at once when flushed, and nothing when none is scheduled', () => {
    const archive = tempArchive()
    const upkeep = new SearchUpkeep(() => archive)
    upkeep.checkIndex()
    const [first, second] = fixtureArticles()
    vi.useFakeTimers()
    seed(archive, [first!])
    upkeep.flush()
    expect(vocabQueueLength(archive.db)).toBe(1)
    upkeep.importProgressed(progress('a', 1))
    upkeep.flush()
    expect(vocabQueueLength(archive.db)).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    seed(archive, [second!])
    upkeep.flush()
    expect(vocabQueueLength(archive.db)).toBe(1)
  })
})
