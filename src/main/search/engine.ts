import type { Db } from '../archive/db'
import type { Spelling } from '../../shared/search'
import { ArticleMeta } from './meta'
import type { VariantIndex } from './variants'
import { drainVocabQueue, loadVocabulary, rebuildVocabulary } from './vocab'

/** Page cache the search connection may use, in KiB. */
const SEARCH_CACHE_KIB = 65_536

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
  const [articles, maxArticle] = db.prepare('SELECT count(*), coalesce(max(id), 0) FROM articles').raw().get() as [
    number,
    number
  ]
  const [indexed, maxIndexed] = db
    .prepare('SELECT count(*), coalesce(max(id), 0) FROM search_fts_docsize')
    .raw()
    .get() as [number, number]
  const built = db.prepare('SELECT vocab_built FROM search_state').pluck().get() === 1
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
 * Per-archive search state: the in-memory article columns and variant vocabulary, refreshed
 * when the archive's search generation (bumped by triggers on every article change, from any
 * process) moves. One engine per database connection.
 */
export class SearchEngine {
  readonly check: IndexCheck
  private generation = -1
  private metaCache: ArticleMeta | null = null
  private vocabCache: VariantIndex | null = null
  /** Fuzzy word → variants, valid for one generation (search-as-you-type repeats words). */
  readonly expansionMemo = new Map<string, Spelling[]>()
  /**
   * How long caches may outlive a generation change (0: never). A backend reader sets it while
   * only a still-running write (an import) moved the generation, so it does not reload the
   * article columns and vocabulary for every stored file; it resets it to 0 after any answered
   * write, so a read never misses what a write it follows did.
   */
  maxStaleMs = 0
  private refreshedAt = 0
  private readonly generationStmt

  constructor(readonly db: Db) {
    // SQLite's default 2 MB page cache thrashes on a 1.5 GB archive: hits' rows and paragraphs
    // were re-read from the OS on every page. 64 MB (filled only as used) took one 100k run's p95
    // from 23.6 to 19.8 ms of CPU.
    db.pragma(`cache_size = -${SEARCH_CACHE_KIB}`)
    this.check = db.readonly ? { rebuilt: false, reason: null } : ensureSearchIndex(db)
    this.generationStmt = db.prepare('SELECT generation FROM search_state').pluck()
  }

  /** Drops caches the archive has moved past; call at the start of every request. */
  refresh(): void {
    const generation = this.generationStmt.get() as number
    if (generation === this.generation) return
    const now = performance.now()
    if (this.maxStaleMs > 0 && now - this.refreshedAt < this.maxStaleMs) return
    this.refreshedAt = now
    this.generation = generation
    this.metaCache = null
    this.expansionMemo.clear()
    // A read-only connection cannot empty the queue, so it reloads instead of applying deltas twice.
    if (this.vocabCache && this.db.readonly) this.vocabCache = null
    if (this.vocabCache) {
      const deltas = drainVocabQueue(this.db)
      if (deltas) this.vocabCache.apply(deltas)
      else this.vocabCache = null
    }
  }

  /** Per-article filter/facet columns. */
  meta(): ArticleMeta {
    this.refresh()
    this.metaCache ??= ArticleMeta.load(this.db)
    return this.metaCache
  }

  /** The variant vocabulary, loaded on first use. */
  vocabulary(): VariantIndex {
    this.refresh()
    if (!this.vocabCache) {
      const queued = drainVocabQueue(this.db)
      this.vocabCache = loadVocabulary(this.db, this.db.readonly ? queued : null)
    }
    return this.vocabCache
  }
}

const engines = new WeakMap<Db, SearchEngine>()

/** The search engine of an open archive connection (created on first use). */
export function searchEngine(db: Db): SearchEngine {
  let engine = engines.get(db)
  if (!engine) engines.set(db, (engine = new SearchEngine(db)))
  return engine
}
