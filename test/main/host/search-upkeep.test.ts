import { afterEach, describe, expect, it, vi } from 'vitest'
import { vocabQueueLength } from '../../../src/main/archive/repo/search-vocab'
import { SearchUpkeep } from '../../../src/main/host/search-upkeep'
import { tempArchive } from '../../support/tmp'
import { fixtureArticles, seed } from '../search/support'

afterEach(() => {
  vi.useRealTimers()
})

describe('search upkeep on the writer', () => {
  it('drains an import two seconds after its progress, and an answered call 200 ms after it, whichever comes first, once', () => {
    const archive = tempArchive()
    const upkeep = new SearchUpkeep(() => archive)
    upkeep.checkIndex()
    const [first, second, third] = fixtureArticles()
    vi.useFakeTimers()
    /** The queued article is drained exactly `ms` from now, not a millisecond before. */
    const drainedAfter = (ms: number): void => {
      vi.advanceTimersByTime(ms - 1)
      expect(vocabQueueLength(archive.db)).toBe(1)
      vi.advanceTimersByTime(1)
      expect(vocabQueueLength(archive.db)).toBe(0)
    }

    seed(archive, [first!])
    upkeep.importProgressed()
    upkeep.importProgressed()
    drainedAfter(2000)

    // An edit answered during the import brings the drain forward; the import's later progress does not push it back.
    seed(archive, [second!])
    upkeep.importProgressed()
    vi.advanceTimersByTime(500)
    upkeep.schedule()
    upkeep.importProgressed()
    drainedAfter(200)
    expect(vi.getTimerCount()).toBe(0)

    seed(archive, [third!])
    upkeep.schedule()
    upkeep.stop()
    vi.advanceTimersByTime(5000)
    expect(vocabQueueLength(archive.db)).toBe(1)
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
    upkeep.importProgressed()
    upkeep.flush()
    expect(vocabQueueLength(archive.db)).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    seed(archive, [second!])
    upkeep.flush()
    expect(vocabQueueLength(archive.db)).toBe(1)
  })
})
