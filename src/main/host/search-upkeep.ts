import type { Archive } from '../archive/archive'
import { searchEngine, upkeepSearch } from '../search/engine'

/** How long the writer lets article changes gather before folding them into the vocabulary. */
const DRAIN_DELAY_MS = 200

/**
 * The same while an import runs. A drain rewrites each word it counts once, however many of its
 * articles hold it: 3,000 generated articles at 100,000 were drained 50 at a time with 200 ms, 229
 * word rows written per article (0.72-0.80 ms of the writer's time), against 119 (0.40-0.42 ms)
 * 250 at a time. Imported articles are searchable as soon as they are committed; only fuzzy
 * variants and completions wait for their words. An edit answered meanwhile drains sooner.
 */
const IMPORT_DRAIN_DELAY_MS = 2000

/**
 * Search upkeep only the writable connection can do, now that searches run on readers. The
 * index check at open (`ensureSearchIndex`, in the engine's constructor) runs once per
 * connection; queued article changes are folded into the persisted vocabulary shortly after
 * writes (and the article change log trimmed), so readers, which cannot empty the queue, never
 * re-tokenize a long one and catch up by reading only the words those drains changed. Now and
 * then it saves the article columns for readers to start from (`SearchEngine.saveMetaIfDue`).
 */
export class SearchUpkeep {
  private timer: NodeJS.Timeout | null = null
  private due = 0

  constructor(private readonly archive: () => Archive) {}

  /** Runs the index check on the archive open now (cheap after the first time per connection). */
  checkIndex(): void {
    searchEngine(this.archive().db)
  }

  /** Drains the vocabulary queue soon; calls meanwhile share one drain, the soonest asked for. */
  schedule(delayMs = DRAIN_DELAY_MS): void {
    const due = Date.now() + delayMs
    if (this.timer && this.due <= due) return
    if (this.timer) clearTimeout(this.timer)
    this.due = due
    this.timer = setTimeout(() => {
      this.timer = null
      this.drain()
    }, delayMs)
    this.timer.unref()
  }

  /** An import committed more articles: drained with the others of the next two seconds. */
  importProgressed(): void {
    this.schedule(IMPORT_DRAIN_DELAY_MS)
  }

  /**
   * Drains now what a scheduled drain would have: for a process about to exit (the CLI), whose
   * timer would otherwise never fire and leave the queue to the next start.
   */
  flush(): void {
    if (!this.timer) return
    this.stop()
    this.drain()
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private drain(): void {
    try {
      this.checkIndex()
      const db = this.archive().db
      upkeepSearch(db)
      searchEngine(db).saveMetaIfDue()
    } catch (err) {
      // Left queued, the changes are applied by readers and drained again after the next write;
      // an unsaved copy of the article columns only makes the next cold start read the rows.
      process.stderr.write(`annalist: search vocabulary not updated in ${this.archive().dir}: ${(err as Error).message}\n`)
    }
  }
}
