import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Db } from '../../../src/main/archive/db'
import { articleIdCeiling, searchIndexMergedAt } from '../../../src/main/archive/repo/search-index'
import { indexMergeDue, mergeSearchIndexNow, SearchIndexMerge, searchIndexMergeDue, type IndexMergePolicy } from '../../../src/main/host/search-index-merge'
import { searchEngine } from '../../../src/main/search/engine'
import { runSearch } from '../../../src/main/search/execute'
import { seedArticles } from '../../support/archive-seed'
import { tempArchive } from '../../support/tmp'

/** Segments of the FTS5 index that hold leaf pages: each has its own rows in the %_idx table. */
function segments(db: Db): number {
  return db.prepare('SELECT count(DISTINCT segid) FROM search_fts_idx').pluck().get() as number
}

function answers(db: Db): unknown {
  const engine = searchEngine(db)
  return ['ministry', 'convoy AND harbour', '"ceasefire ballot"', 'par*', 'NOT drought', 'outlet:tass'].map((query) => {
    const result = runSearch(engine, { query, limit: 200 })
    return { query, total: result.total, ids: result.hits.map((h) => h.articleId) }
  })
}

const QUICK: IndexMergePolicy = { minNewArticles: 20, growth: 0.25, stepPages: 2, idleMs: 100 }

afterEach(() => {
  vi.useRealTimers()
})

describe('indexMergeDue', () => {
  it.each([
    { ceiling: 999, mergedAt: 0, due: false, why: 'fewer new articles than the minimum' },
    { ceiling: 1_000, mergedAt: 0, due: true, why: 'never merged, the minimum reached' },
    { ceiling: 100_000, mergedAt: 90_000, due: false, why: 'grown by a ninth' },
    { ceiling: 112_500, mergedAt: 90_000, due: true, why: 'grown by a quarter' },
    { ceiling: 1_500, mergedAt: 1_000, due: false, why: 'grown by half, but fewer than the minimum' }
  ])('$why: $due', ({ ceiling, mergedAt, due }) => {
    expect(indexMergeDue(ceiling, mergedAt, { ...QUICK, minNewArticles: 1_000 })).toBe(due)
  })
})

describe('SearchIndexMerge', () => {
  it('merges a grown index into one segment in steps while the writer is idle, with the same answers', () => {
    vi.useFakeTimers()
    const archive = tempArchive()
    seedArticles(archive, 60)
    const before = { segments: segments(archive.db), answers: answers(archive.db) }
    // One transaction per article: FTS5's merging by levels leaves several segments.
    expect(before.segments).toBeGreaterThan(3)
    const merge = new SearchIndexMerge(() => archive, QUICK)
    merge.consider()
    expect(merge.merging).toBe(true)

    // The writer stays busy: no step runs however long that lasts.
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(QUICK.idleMs - 1)
      merge.activity()
    }
    expect(segments(archive.db)).toBe(before.segments)

    vi.advanceTimersByTime(QUICK.idleMs)
    // Two pages a step: the first step merged part of the index, not all of it.
    expect(merge.merging).toBe(true)
    vi.runAllTimers()
    expect(merge.merging).toBe(false)
    expect(segments(archive.db)).toBe(1)
    expect(answers(archive.db)).toEqual(before.answers)
    expect(searchIndexMergedAt(archive.db)).toBe(articleIdCeiling(archive.db))
  })

  it('waits for the archive to grow by the minimum and by its share before merging again', () => {
    vi.useFakeTimers()
    const archive = tempArchive()
    seedArticles(archive, 60)
    const merge = new SearchIndexMerge(() => archive, QUICK)
    merge.consider()
    vi.runAllTimers()
    expect(segments(archive.db)).toBe(1)

    seedArticles(archive, 19, 2)
    merge.consider()
    expect(merge.merging).toBe(false)
    seedArticles(archive, 1, 3)
    merge.consider()
    expect(merge.merging).toBe(true)
    vi.runAllTimers()
    expect(segments(archive.db)).toBe(1)
    expect(searchIndexMergedAt(archive.db)).toBe(80)
  })

  it('drops a merge when another archive is opened, and considers that one afresh', () => {
    vi.useFakeTimers()
    const first = tempArchive()
    seedArticles(first, 30)
    const second = tempArchive()
    seedArticles(second, 5)
    let open = first
    const merge = new SearchIndexMerge(() => open, QUICK)
    merge.consider()
    expect(merge.merging).toBe(true)
    open = second
    vi.runAllTimers()
    expect(merge.merging).toBe(false)
    expect(searchIndexMergedAt(first.db)).toBe(0)
    expect(searchIndexMergedAt(second.db)).toBe(0)
  })

  it('reports a step that fails and leaves the index whole', () => {
    vi.useFakeTimers()
    const archive = tempArchive()
    seedArticles(archive, 30)
    const errors: Error[] = []
    const merge = new SearchIndexMerge(() => archive, QUICK, (err) => errors.push(err))
    merge.consider()
    archive.close()
    vi.runAllTimers()
    expect(merge.merging).toBe(false)
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/not open/)])
  })
})

describe('mergeSearchIndexNow', () => {
  it('merges the whole index in steps at once and records it merged', () => {
    const archive = tempArchive()
    seedArticles(archive, 40)
    const before = answers(archive.db)
    expect(searchIndexMergeDue(archive.db, QUICK)).toBe(true)
    const run = mergeSearchIndexNow(archive.db, QUICK)
    expect(run.steps).toBeGreaterThan(1)
    expect(segments(archive.db)).toBe(1)
    expect(answers(archive.db)).toEqual(before)
    expect(searchIndexMergeDue(archive.db, QUICK)).toBe(false)
  })
})
