import type { Archive } from '../archive/archive'
import type { Db } from '../archive/db'
import { articleIdCeiling, markSearchIndexMerged, mergeSearchIndexStep, searchIndexMergedAt } from '../archive/repo/search-index'

/** When and how the writer merges the search index's segments into one. */
export interface IndexMergePolicy {
  /** Articles added since the last merge (by article id) before the next one is considered. */
  minNewArticles: number
  /**
   * And the growth since then, as a share of the archive merged last time. Each merge rewrites
   * the whole index, so merging every time it grows by a quarter writes it about five times over
   * as the archive grows (1 + 1/1.25 + 1/1.25² + …), like FTS5's own merging by levels.
   */
  growth: number
  /** Leaf pages merged per step: each step is one short transaction on the writer. */
  stepPages: number
  /** How long the writer must have been idle (no call, no import progress) before a step runs. */
  idleMs: number
}

export const INDEX_MERGE_POLICY: IndexMergePolicy = { minNewArticles: 1_000, growth: 0.25, stepPages: 200, idleMs: 2_000 }

/**
 * Shortest pause between two steps. The pause is at least as long as the step took, so merging
 * holds at most half of a core: on two cores the readers answering searches keep the rest.
 */
const MIN_STEP_GAP_MS = 10

/** Whether an archive grown to article id `ceiling`, last merged at `mergedAt`, is due a merge. */
export function indexMergeDue(ceiling: number, mergedAt: number, policy: IndexMergePolicy): boolean {
  const added = ceiling - mergedAt
  return added >= policy.minNewArticles && added >= mergedAt * policy.growth
}

/** Whether this archive's search index is due a merge. */
export function searchIndexMergeDue(db: Db, policy: IndexMergePolicy = INDEX_MERGE_POLICY): boolean {
  return indexMergeDue(articleIdCeiling(db), searchIndexMergedAt(db), policy)
}

/** One merge step in its own transaction; true while there is more to merge. */
function mergeStep(db: Db, pages: number): boolean {
  return db.transaction(() => mergeSearchIndexStep(db, pages)).immediate()
}

/** What merging an index in one go cost. */
export interface MergeRun {
  steps: number
  ms: number
  worstStepMs: number
}

/**
 * Merges the whole index now, step after step, and records it merged: what the writer does at
 * idle, for benchmarks and tools that have no idle time to wait for.
 */
export function mergeSearchIndexNow(db: Db, policy: IndexMergePolicy = INDEX_MERGE_POLICY): MergeRun {
  const started = performance.now()
  let steps = 0
  let worstStepMs = 0
  for (let more = true; more; steps++) {
    const t = performance.now()
    more = mergeStep(db, policy.stepPages)
    worstStepMs = Math.max(worstStepMs, performance.now() - t)
  }
  db.transaction(() => markSearchIndexMerged(db)).immediate()
  return { steps, ms: performance.now() - started, worstStepMs }
}

/**
 * Merges the search index into one segment when the archive has grown enough since the last
 * time, in steps run only while the writer is idle. An import commits a segment per transaction
 * and FTS5 merges them by levels; the segments it leaves repeat each shared term and its doclist
 * header, and each is searched by every query (figures in docs/DESIGN.md). A step is an FTS5
 * 'merge' of about `stepPages` pages in its own transaction: a write call waits for one step at
 * most, and readers, on their own connections, never wait.
 */
export class SearchIndexMerge {
  private timer: NodeJS.Timeout | null = null
  private lastActivity = performance.now()
  /** The archive being merged; null when no merge is under way. */
  private target: Archive | null = null

  constructor(
    private readonly archive: () => Archive,
    private readonly policy: IndexMergePolicy = INDEX_MERGE_POLICY,
    private readonly onError: (err: Error) => void = () => {}
  ) {}

  /** The writer just answered a call or reported import progress: steps wait for it to go quiet. */
  activity(): void {
    this.lastActivity = performance.now()
  }

  /** Starts a merge of the archive open now if one is due. */
  consider(): void {
    if (this.target) return
    const archive = this.archive()
    if (!searchIndexMergeDue(archive.db, this.policy)) return
    this.target = archive
    this.later(this.policy.idleMs)
  }

  /** Whether a merge is under way (for tests and the bench). */
  get merging(): boolean {
    return this.target !== null
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.target = null
  }

  private later(ms: number): void {
    this.timer = setTimeout(() => this.step(), ms)
    this.timer.unref()
  }

  private step(): void {
    this.timer = null
    const archive = this.target
    // Another archive was opened meanwhile: this merge is moot; the new one is considered afresh.
    if (!archive || archive !== this.archive()) {
      this.target = null
      this.consider()
      return
    }
    const quietMs = performance.now() - this.lastActivity
    if (quietMs < this.policy.idleMs) return this.later(this.policy.idleMs - quietMs)
    const { db } = archive
    try {
      const started = performance.now()
      if (mergeStep(db, this.policy.stepPages)) return this.later(Math.max(MIN_STEP_GAP_MS, performance.now() - started))
      db.transaction(() => markSearchIndexMerged(db)).immediate()
    } catch (err) {
      // Left as it is, the index is still whole: FTS5 merges within each step's transaction.
      this.onError(err as Error)
    }
    this.target = null
  }
}
