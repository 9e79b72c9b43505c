import type { CommonIdsStep } from '../search/common-ids'
import type { SearchEngine } from '../search/engine'

/** After a reader has been idle this long, it loads the search vocabulary and article entities. */
export const SEARCH_WARM_IDLE_MS = 300
/** Work per step of loading the common words' bitmaps: a call that arrives waits at most about this. */
export const COMMON_IDS_STEP_MS = 25
/** How long a reader waits to look again when the archive was moving (an import running). */
export const COMMON_IDS_LATER_MS = 1_000

/** What the warm-up needs of a reader's search engine. */
export type WarmableEngine = Pick<SearchEngine, 'meta' | 'warm' | 'needsWarm' | 'hasMeta' | 'needsCommonIds' | 'warmCommonIds'>

/**
 * Warms a reader's search vocabulary and article entities when no call is running or arrived
 * recently: once, and again whenever the engine dropped a cache it could not catch up. Then it
 * loads the common words' bitmaps (search/common-ids.ts) in short steps, stopped by any call and
 * taken up again once idle, and brings them up to date after the archive changed.
 * A spare reader (started beside the first, for calls that arrive together) warms only once it
 * has answered a search itself (its article columns are loaded then): a user searching one query
 * at a time then holds one reader's caches, not two. At 110,000 articles the built server held
 * 306–321 MB 5 s after its first answer with both warmed, 245 MB with the spare left cold.
 */
export class IdleSearchWarmup {
  private timer: NodeJS.Timeout | null = null
  private running = 0
  private done = false
  /** Whether the engine's caches were loaded since the last reset. */
  private warmed = false

  /**
   * `busy(true)` comes just before loading the vocabulary and entities holds the thread (hundreds
   * of milliseconds at 20,000 articles beside other work), `busy(false)` after: the host sends
   * calls elsewhere meanwhile, where it took the reader for idle and a search waited the load.
   */
  constructor(
    private readonly engine: () => WarmableEngine,
    private readonly spare: boolean,
    private readonly failed: (err: Error) => void,
    private readonly busy: (loading: boolean) => void = () => undefined
  ) {}

  /**
   * Loads the article columns every search needs, now (before the reader's first call on this
   * archive), unless the reader is a spare: a spare loads them with its first search.
   */
  loadMeta(): void {
    if (!this.spare) this.guarded(() => this.engine().meta())
  }

  /** Starts over (a new archive): warm again once idle. */
  reset(): void {
    this.done = false
    this.warmed = false
    this.resume()
  }

  /** A call started. */
  postpone(): void {
    this.running++
    this.clear()
  }

  /** A call ended. */
  resume(): void {
    if (this.running > 0) this.running--
    if ((this.done && !this.needed()) || this.running > 0) return
    this.clear()
    this.timer = setTimeout(() => {
      this.timer = null
      this.done = true
      if (this.searched()) this.warm()
    }, SEARCH_WARM_IDLE_MS)
  }

  stop(): void {
    this.done = true
    this.clear()
  }

  private searched(): boolean {
    return !this.spare || this.engine().hasMeta()
  }

  private needed(): boolean {
    if (!this.searched()) return false
    const engine = this.engine()
    return engine.needsWarm() || engine.needsCommonIds()
  }

  private warm(): void {
    const engine = this.engine()
    if (!this.warmed || engine.needsWarm()) {
      this.busy(true)
      this.guarded(() => engine.warm())
      this.busy(false)
    }
    this.warmed = true
    this.stepCommonIds()
  }

  private stepCommonIds(): void {
    let outcome: CommonIdsStep = 'done'
    this.guarded(() => (outcome = this.engine().warmCommonIds(performance.now() + COMMON_IDS_STEP_MS)))
    if (outcome === 'done') return
    this.timer = setTimeout(
      () => {
        this.timer = null
        this.stepCommonIds()
      },
      outcome === 'more' ? 0 : COMMON_IDS_LATER_MS
    )
  }

  private guarded(load: () => unknown): void {
    try {
      load()
    } catch (err) {
      this.failed(err as Error)
    }
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
