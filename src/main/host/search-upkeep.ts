import type { Archive } from '../archive/archive'
import { vocabQueueLength } from '../archive/repo/search-vocab'
import { QUEUE_REBUILD_THRESHOLD } from '../archive/search-words'
import { searchEngine, upkeepSearch } from '../search/engine'
import type { ImportProgress } from '../../shared/types'

/** How long the writer lets article changes gather before folding them into the vocabulary. */
const DRAIN_DELAY_MS = 200

/**
 * The writer's first drain after it starts, which first checks the search index against the
 * articles (`ensureSearchIndex`: counting both, 24-41 ms at 100,000 articles) and saves the
 * article columns for readers to start from if due. The check once held the first reader, and so
 * the URL and the first answer, until it was done; run at once after the writer was ready, it
 * still shared the two cores with the first reader, the server and the page's first search:
 * built serve at 100,000, eight cold starts each alternated, first answer 469-586 ms (median 556)
 * with it 2 s later against 522-641 (601). A write's drain, or the engine's first use, runs it
 * sooner. Readers answer from the index as it is meanwhile, as they do while a rebuild it may
 * start runs; the rebuild moves the generation when it is done.
 */
export const START_DRAIN_DELAY_MS = 2000

/**
 * The same while an import runs, at first. A drain rewrites each word it counts once, however
 * many of its articles hold it: 3,000 generated articles at 100,000 were drained 50 at a time with
 * 200 ms, 229 word rows written per article (0.72-0.80 ms of the writer's time), against 119
 * (0.40-0.42 ms) 250 at a time. Imported articles are searchable as soon as they are committed;
 * only fuzzy variants and completions wait for their words. An edit answered meanwhile drains
 * sooner.
 */
const IMPORT_DRAIN_DELAY_MS = 2000

/**
 * The wait doubles after each drain of a running import, up to this: a small import's words are
 * in within two seconds, a long one's drained about 1,000 articles at a time. 4,000 generated
 * articles into a 10,000-article archive: the vocabulary's statements 0.77-0.83 ms of the
 * writer's time an article with a drain every 2 s, 0.32 ms with one every 16 s.
 */
const IMPORT_DRAIN_MAX_MS = 16_000

/**
 * Articles queued for a drain that bring it forward, whatever the wait: the writer keeps the
 * words of QUEUE_REBUILD_THRESHOLD queued articles at most, and a longer queue is rebuilt whole.
 * Counted in the queue itself, since one file (a mailbox, a web archive) may hold thousands.
 */
const IMPORT_DRAIN_QUEUED = QUEUE_REBUILD_THRESHOLD / 2

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
  /** How long the next drain of a running import waits. */
  private importWaitMs = IMPORT_DRAIN_DELAY_MS
  /** The batch of the running import, while it runs. */
  private importing: string | null = null

  /** `drainQueued`: queued articles that bring an import's drain forward (tests lower it). */
  constructor(
    private readonly archive: () => Archive,
    private readonly drainQueued = IMPORT_DRAIN_QUEUED
  ) {}

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

  /**
   * An import reported progress: its articles are drained with the others of the wait, which
   * grows as the import goes on; the last of a finished import shortly after it.
   */
  importProgressed(progress: Pick<ImportProgress, 'batchId' | 'done' | 'total'>): void {
    // A new batch starts at the first wait again (the one before may have been cancelled).
    if (this.importing !== progress.batchId) this.importWaitMs = IMPORT_DRAIN_DELAY_MS
    if (progress.done >= progress.total) {
      this.importing = null
      this.schedule()
      return
    }
    this.importing = progress.batchId
    this.schedule(this.queued() >= this.drainQueued ? 0 : this.importWaitMs)
  }

  /** Articles waiting for a drain; none when the archive cannot say (the drain reports why). */
  private queued(): number {
    try {
      return vocabQueueLength(this.archive().db)
    } catch {
      return 0
    }
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
    if (this.importing) this.importWaitMs = Math.min(IMPORT_DRAIN_MAX_MS, 2 * this.importWaitMs)
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
