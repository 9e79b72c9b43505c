import type { Db } from '../archive/db'
import { MatchCache } from './match-cache'
import type { Matches } from './matches'
import type { Spelling } from '../../shared/search'
import {
  articleCountAndMaxId,
  articleLogPosition,
  articleMetaRowsAmong,
  articlesChangedSince,
  dropMetaSnapshot,
  metaSnapshotPosition,
  pruneArticleLog,
  readMetaSnapshot,
  sourceNamePairs,
  writeMetaSnapshot,
  yearUnknownAmong
} from '../archive/repo/search-meta'
import { rebuildVocabulary, searchIndexCounts, vocabQueueLength, vocabState, vocabularyChangedSince, type VocabState } from '../archive/repo/search-vocab'
import { ArticleEntities } from './article-entities'
import { EntityNameOrder } from './entity-name-order'
import { COMMON_IDS_BYTES, CommonIds, type CommonIdsStep } from './common-ids'
import { ArticleMeta } from './meta'
import { decodeMetaSnapshot, encodeMetaSnapshot } from './meta-snapshot'
import type { VariantIndex } from './variants'
import { drainVocabQueue, loadVocabulary, queuedDeltas } from './vocab'
import { RANK_LIMIT } from './rank-limit'

/**
 * How long a stale entity name order is kept before the next warm-up reads it again: an import
 * renames entities as it goes, and reading the order costs 160–260 ms of a reader at 100,000
 * articles (170,000 entities). Meanwhile entity facets look the tied names up as before.
 */
export const NAME_ORDER_RELOAD_MS = 30_000

/**
 * Page cache the search connection may use, in KiB. The archive's pages stay in the system's file
 * cache besides: the built server at 110,000 articles answered 1,000 queries as fast with 8, 16
 * or 32 MB, and held 254–279 MB after them with 16 MB against 274–304 MB with 32.
 */
const SEARCH_CACHE_KIB = 16_384
/**
 * Article changes between two saved copies of the article columns. Saving one at 100,000
 * articles writes 2.6 MB; starting from it instead of every article's row saves a cold start
 * about 100 ms there, ten times that at a million.
 */
const META_SNAPSHOT_EVERY = 2_000

/** Page cache while a cache loads in full, in KiB. */
const FULL_LOAD_CACHE_KIB = 2_048

/**
 * Runs a full load (every article's filter columns, the vocabulary, every mention, the entities'
 * names) with a small page cache. It reads each page once; kept in the search cache, those pages
 * pushed out the ones searches use and stayed in memory: 73 MB more per reader after warming at
 * 108,000 articles.
 */
function loadingInFull<T>(db: Db, load: () => T): T {
  const size = db.pragma('cache_size', { simple: true }) as number
  db.pragma(`cache_size = -${FULL_LOAD_CACHE_KIB}`)
  try {
    return load()
  } finally {
    db.pragma(`cache_size = ${size}`)
  }
}

/** What `ensureSearchIndex` found at open. */
export interface IndexCheck {
  rebuilt: boolean
  reason: string | null
}

/**
 * Compares the article table with the FTS index (row count and highest rowid) and rebuilds the
 * index and vocabulary when they disagree, e.g. after a restore from an older copy or a tool
 * that wrote articles with triggers off. Cheap enough for every open: two index counts.
 */
export function ensureSearchIndex(db: Db): IndexCheck {
  const { articles, maxArticle, indexed, maxIndexed } = searchIndexCounts(db)
  const built = vocabState(db).built
  if (articles === indexed && maxArticle === maxIndexed) {
    if (!built) rebuildVocabulary(db)
    return { rebuilt: false, reason: null }
  }
  const reason = `search index had ${indexed} articles (last ${maxIndexed}), archive has ${articles} (last ${maxArticle})`
  rebuildIndex(db)
  return { rebuilt: true, reason }
}

function rebuildIndex(db: Db): void {
  db.transaction(() => {
    // Articles changed behind the triggers' back: the saved article columns may be wrong too.
    dropMetaSnapshot(db)
    db.exec("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    db.exec('UPDATE search_state SET generation = generation + 1')
  }).immediate()
  rebuildVocabulary(db)
}

/**
 * The deep check (for `annalist check`-style maintenance, it reads the whole index): FTS5's
 * integrity-check of the index against the article text; on failure the index and vocabulary
 * are rebuilt and the reason returned.
 */
export function verifySearchIndex(db: Db): IndexCheck {
  try {
    db.exec("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    return { rebuilt: false, reason: null }
  } catch (err) {
    rebuildIndex(db)
    return { rebuilt: true, reason: `search index did not match the articles (${(err as Error).message})` }
  }
}

/**
 * Per-archive search state: the in-memory article columns and variant vocabulary, kept in step
 * with the archive when its search generation (bumped by triggers on every article change, from
 * any process) moves. Only what changed is read again: the articles named in the change log and
 * the words the vocabulary drains changed since this copy's position (migration 010); a full
 * reload only after a vocabulary rebuild or when the log no longer reaches back far enough.
 * One engine per database connection.
 */
export class SearchEngine {
  readonly check: IndexCheck
  private metaCache: ArticleMeta | null = null
  /** Generation and article change log position the article columns reflect. */
  private metaAt = { generation: -1, position: 0, at: 0, writes: 0 }
  private entitiesCache: ArticleEntities | null = null
  private nameOrder: EntityNameOrder | null = null
  /** When the name order was last read (performance.now()). */
  private nameOrderAt = 0
  /** Generation and article change log position the article entities reflect. */
  private entitiesAt = { generation: -1, position: 0, at: 0, writes: 0 }
  private vocabCache: VariantIndex | null = null
  /** Generation, rebuild epoch and drain the vocabulary reflects (besides `overlay`). */
  private vocabAt: VocabState & Seen = { built: false, epoch: -1, seq: 0, generation: -1, at: 0, writes: 0 }
  /**
   * Queued changes a read-only connection applied on top of the drained vocabulary (it cannot
   * drain the queue itself); taken back out before the next drains are read.
   */
  private overlay: Map<string, number> | null = null
  /** Fuzzy word → variants, valid while the vocabulary stands still (search-as-you-type repeats words). */
  readonly expansionMemo = new Map<string, Spelling[]>()
  /**
   * How long a cache may lag a generation change that no answered write made (0: never): a
   * backend reader sets it so that while a write is still running (an import storing file after
   * file) it catches up once in a while, not after every stored file.
   */
  maxStaleMs = 0
  /**
   * Writes the backend had answered when the current request was sent (a backend reader sets it
   * per call). A cache that has not caught up since then does so whatever `maxStaleMs` says, so a
   * read never misses what a write it follows did.
   */
  writesAnswered = 0
  /** Generation at which a writable connection last folded its queue in. */
  private upkeptAt = -1
  private common: CommonIds | null = null
  /** Bytes of the common words' bitmaps (CommonIds), and the articles a word must be in (tests set small ones). */
  commonIdsBudget = COMMON_IDS_BYTES
  commonIdsMinDocs = RANK_LIMIT
  /** How long a stale entity name order is kept (NAME_ORDER_RELOAD_MS; tests set 0). */
  nameOrderReloadMs = NAME_ORDER_RELOAD_MS
  private readonly generationStmt
  /** The index's answers to the last costly matches (match-cache.ts). */
  readonly matches = new MatchCache<Matches>()

  constructor(readonly db: Db) {
    // SQLite's default 2 MB page cache thrashes on a 1.5 GB archive: hits' rows and paragraphs
    // were re-read from the OS on every page. 64 MB (filled only as used) took one 100k run's p95
    // from 23.6 to 19.8 ms of CPU. Each reader has its own, sized by SEARCH_CACHE_KIB: 32 MB
    // answered as fast as 64 in less memory, and once searches allocated less (entity facets
    // counted in place), 16 MB as fast as 32 (a first try of 16 had been slower on medium words).
    db.pragma(`cache_size = -${SEARCH_CACHE_KIB}`)
    this.check = db.readonly ? { rebuilt: false, reason: null } : ensureSearchIndex(db)
    this.generationStmt = db.prepare('SELECT generation FROM search_state').pluck()
  }

  /**
   * Starts a request. Each cache catches up when it is used (a plain search never pays for the
   * vocabulary), but a writable connection folds its queue in first so both see its writes.
   */
  refresh(): void {
    if (this.db.readonly) return
    const generation = this.generationStmt.get() as number
    if (generation === this.upkeptAt) return
    upkeepSearch(this.db)
    this.upkeptAt = generation
  }

  /** The archive's search generation, moved by every change to an article. */
  generation(): number {
    return this.generationStmt.get() as number
  }

  /** Whether a cache last brought up to date at `seen` should catch up now. */
  private due(seen: Seen): boolean {
    if (this.generationStmt.get() === seen.generation) return false
    return this.mustReflectWrites(seen) || performance.now() - seen.at >= this.maxStaleMs
  }

  /** Whether answered writes are newer than what a cache caught up with (no lag allowed then). */
  private mustReflectWrites(seen: Seen): boolean {
    return this.maxStaleMs === 0 || this.writesAnswered > seen.writes
  }

  /** What a cache caught up with, just now. */
  private seenNow(generation: number): Seen {
    return { generation, at: performance.now(), writes: this.writesAnswered }
  }

  /** Per-article filter/facet columns. */
  meta(): ArticleMeta {
    if (this.metaCache && !this.due(this.metaAt)) return this.metaCache
    // One read transaction: the generation, the log and the rows from one snapshot.
    this.db.transaction(() => {
      const generation = this.generationStmt.get() as number
      const changed = this.metaCache ? articlesChangedSince(this.db, this.metaAt.position) : null
      if (this.metaCache && changed) {
        this.catchUp(this.metaCache, changed.ids)
        this.metaAt = { ...this.seenNow(generation), position: changed.position }
      } else {
        const loaded = loadingInFull(this.db, () => this.savedMeta() ?? { meta: ArticleMeta.load(this.db), position: articleLogPosition(this.db) })
        this.metaCache = loaded.meta
        this.metaAt = { ...this.seenNow(generation), position: loaded.position }
      }
    })()
    return this.metaCache!
  }

  /**
   * The saved copy of the article columns (migration 024) brought up to date from the change
   * log, with the log position it then reflects; null when there is none, the log no longer
   * reaches back to it, more than a quarter of the articles changed since, or it does not agree
   * with the articles' count and highest id afterwards. Runs in meta's read transaction.
   */
  private savedMeta(): { meta: ArticleMeta; position: number } | null {
    const row = readMetaSnapshot(this.db)
    const saved = row && decodeMetaSnapshot(row.data)
    const changed = saved && articlesChangedSince(this.db, row.position)
    if (!saved || !changed || changed.ids.length > saved.count / 4) return null
    const meta = ArticleMeta.restored(saved)
    if (!meta) return null
    this.catchUp(meta, changed.ids)
    const { count, maxId } = articleCountAndMaxId(this.db)
    if (meta.count !== count || (count > 0 && meta.present[maxId] !== 1)) return null
    return { meta, position: changed.position }
  }

  /** Brings `meta` up to date with the articles `ids` the change log named, and the outlets' names. */
  private catchUp(meta: ArticleMeta, ids: readonly number[]): void {
    const rows = ids.length ? articleMetaRowsAmong(this.db, ids) : []
    meta.update(ids, rows, ids.length ? yearUnknownAmong(this.db, ids) : [], sourceNamePairs(this.db))
  }

  /**
   * Saves the article columns for readers to start from, when the change log has moved on by
   * META_SNAPSHOT_EVERY entries since the saved copy (from the start, when there is none): on the
   * writable connection, after its writes. True when it saved.
   */
  saveMetaIfDue(): boolean {
    if (this.db.readonly) return false
    const position = articleLogPosition(this.db)
    if (position - (metaSnapshotPosition(this.db) ?? 0) < META_SNAPSHOT_EVERY) return false
    this.db.transaction(() => {
      const meta = this.meta()
      writeMetaSnapshot(this.db, this.metaAt.position, encodeMetaSnapshot(meta.saved()))
    })()
    return true
  }

  /**
   * Each article's entities for the entity facets, once `warm` has loaded them (reading every
   * mention takes seconds at a million articles, too long for a search to wait); null before,
   * and after the change log lost entries this copy needed, until the next `warm`.
   */
  articleEntities(): ArticleEntities | null {
    if (!this.entitiesCache || !this.due(this.entitiesAt)) return this.entitiesCache
    this.db.transaction(() => {
      const generation = this.generationStmt.get() as number
      const changed = articlesChangedSince(this.db, this.entitiesAt.position)
      if (!changed) {
        this.entitiesCache = null
        return
      }
      if (changed.ids.length) this.entitiesCache!.update(this.db, changed.ids)
      this.entitiesAt = { ...this.seenNow(generation), position: changed.position }
    })()
    return this.entitiesCache
  }

  /** The articles a plain common word matches, as a bitmap, while loaded and current (CommonIds). */
  commonIds(match: string): Uint8Array | undefined {
    return this.common?.lookup(match, this.generationStmt.get() as number)
  }

  /** Whether `warmCommonIds` has something to do. */
  needsCommonIds(): boolean {
    return this.common === null || this.common.needsStep(this.generationStmt.get() as number)
  }

  /**
   * One step of loading the common words' bitmaps or catching them up, until `deadline`
   * (performance.now()); the words are chosen from the vocabulary `warm` loaded, as it is (none
   * before it did).
   */
  warmCommonIds(deadline: number): CommonIdsStep {
    const vocab = this.vocabCache
    if (!vocab) return 'done'
    const common = (this.common ??= new CommonIds(this.commonIdsBudget, this.commonIdsMinDocs))
    return this.db.transaction(() =>
      common.step(this.db, this.generationStmt.get() as number, (minDocs, limit) => vocab.mostCommon(minDocs, limit), deadline)
    )()
  }

  /** Whether the article columns are loaded (a search ran on this connection, or a warm-up loaded them). */
  hasMeta(): boolean {
    return this.metaCache !== null
  }

  /**
   * Whether `warm` has something to load: the article entities are dropped when the log no longer
   * covers them, and the entity name order is read again once stale (at most every NAME_ORDER_RELOAD_MS).
   */
  needsWarm(): boolean {
    return this.entitiesCache === null || this.nameOrderDue()
  }

  private nameOrderDue(): boolean {
    return !this.nameOrder || (performance.now() - this.nameOrderAt >= this.nameOrderReloadMs && !this.nameOrder.current(this.db))
  }

  /** The visible entities in name order, once `warm` has read it and while no name changed since. */
  entityNameOrder(): EntityNameOrder | null {
    return this.nameOrder?.current(this.db) ? this.nameOrder : null
  }

  /**
   * The variant vocabulary as last caught up, or null when it was never loaded: for estimates
   * that are checked afterwards and must not make a plain search load the vocabulary.
   */
  loadedVocabulary(): VariantIndex | null {
    return this.vocabCache
  }

  /** The variant vocabulary, loaded on first use. */
  vocabulary(): VariantIndex {
    if (this.vocabCache && !this.due(this.vocabAt)) return this.vocabCache
    this.refresh()
    this.expansionMemo.clear()
    const exact = this.mustReflectWrites(this.vocabAt)
    this.db.transaction(() => {
      const generation = this.generationStmt.get() as number
      const state = vocabState(this.db)
      const vocab = this.vocabCache
      if (vocab && state.built && this.vocabAt.built && state.epoch === this.vocabAt.epoch) {
        if (this.overlay) vocab.apply(negated(this.overlay))
        vocab.setCounts(vocabularyChangedSince(this.db, this.vocabAt.seq))
      } else {
        this.vocabCache = loadingInFull(this.db, () => loadVocabulary(this.db, state.built))
      }
      this.vocabAt = { ...state, ...this.seenNow(generation) }
      this.overlay = this.applyQueue(this.vocabCache!, exact)
    })()
    return this.vocabCache!
  }

  /**
   * On a read-only connection, the queued changes no drain has folded in yet, applied when
   * `exact`: after an answered write, a fuzzy word must find the words that write brought.
   * Otherwise (only a still-running write moved the archive: an import) the words wait for the
   * writer's next drain, a fraction of a second later; tokenizing every queued article in every
   * reader cost up to 230 ms of CPU per catch-up in a 1,000-file import.
   */
  private applyQueue(vocab: VariantIndex, exact: boolean): Map<string, number> | null {
    if (!this.db.readonly || !this.vocabAt.built) return null
    if (!exact) {
      // Drains do not move the generation: look again once the window has passed.
      if (vocabQueueLength(this.db) > 0) this.vocabAt.generation = -1
      return null
    }
    const { deltas } = queuedDeltas(this.db)
    if (!deltas.size) return null
    vocab.apply(deltas)
    return deltas
  }

  /**
   * Loads the caches and builds the vocabulary's key map and sorted list, so the first fuzzy or
   * prefix query pays no more than any other. A backend reader loads `meta` before its first
   * answer and the vocabulary once it has been idle a moment (`host/worker.ts`).
   */
  warm(): void {
    this.meta()
    this.vocabulary().warm()
    if (!this.entitiesCache) {
      this.db.transaction(() => {
        const generation = this.generationStmt.get() as number
        const position = articleLogPosition(this.db)
        this.entitiesCache = loadingInFull(this.db, () => ArticleEntities.load(this.db))
        this.entitiesAt = { ...this.seenNow(generation), position }
      })()
    }
    if (this.nameOrderDue()) {
      this.nameOrder = loadingInFull(this.db, () => this.db.transaction(() => EntityNameOrder.load(this.db))())
      this.nameOrderAt = performance.now()
    }
  }
}

/** What a cache last caught up with: the generation, when, and the writes answered by then. */
interface Seen {
  generation: number
  at: number
  writes: number
}

function negated(deltas: ReadonlyMap<string, number>): Map<string, number> {
  return new Map([...deltas].map(([term, delta]) => [term, -delta]))
}

/**
 * Search upkeep only a writable connection can do: folds the queued article changes into the
 * persisted vocabulary and trims the article change log.
 */
export function upkeepSearch(db: Db): void {
  drainVocabQueue(db)
  pruneArticleLog(db)
}

const engines = new WeakMap<Db, SearchEngine>()

/** The search engine of an open archive connection (created on first use). */
export function searchEngine(db: Db): SearchEngine {
  let engine = engines.get(db)
  if (!engine) engines.set(db, (engine = new SearchEngine(db)))
  return engine
}
