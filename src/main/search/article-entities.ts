import type { Db } from '../archive/db'
import { entityIdsOfArticles, forEachArticleEntities, forEachEntityKind } from '../archive/repo/entities'
import { NAMED_KINDS, type NamedKind } from '../../shared/entities'
import { grown } from './grown'

const NONE = new Int32Array(0)
/** Changed articles kept apart before they are packed in again (a share of those packed, at least this many). */
const CHANGED_BEFORE_PACKING = 10_000

/**
 * Each article's distinct entity ids, held in memory by a search engine so that entity facets
 * count them without reading the mentions index (tens of rows per matching article). Articles
 * present when it was loaded are packed in one array, indexed by article id; articles changed
 * since are kept in a map until there are enough of them to pack again. Each entity's kind is
 * kept too (one byte per entity id), so facets walk each kind's counts apart.
 */
export class ArticleEntities {
  private readonly changed = new Map<number, Int32Array>()
  /** Per-entity counters for `count`, zeroed again after each use. */
  private tally = new Int32Array(0)
  /** The entities `count` has met so far in its current call. */
  private touched = new Int32Array(0)
  /** By entity id: 1 + its index in NAMED_KINDS, 0 while unknown. */
  private kinds = new Uint8Array(0)

  private constructor(
    private offsets: Int32Array,
    private ids: Int32Array,
    private readonly packAfter: number
  ) {}

  /** `packAfter`: changed articles kept apart at most (tests lower it). */
  static load(db: Db, packAfter = CHANGED_BEFORE_PACKING): ArticleEntities {
    const articles: number[] = []
    const starts: number[] = []
    let ids = new Int32Array(1 << 16)
    let length = 0
    forEachArticleEntities(db, (articleId, entityIds) => {
      articles.push(articleId)
      starts.push(length)
      if (length + entityIds.length > ids.length) ids = grown(ids, length + entityIds.length)
      ids.set(entityIds, length)
      length += entityIds.length
    })
    const loaded = new ArticleEntities(packOffsets(articles, starts, length), ids.slice(0, length), packAfter)
    loaded.learnKinds(db)
    return loaded
  }

  /** An entity's kind (undefined for an entity no article held when it was last read). */
  kindOf(entityId: number): NamedKind | undefined {
    return NAMED_KINDS[this.kindIndex(entityId)]
  }

  /** An entity's kind as its index in NAMED_KINDS, or -1 (see `kindOf`). */
  kindIndex(entityId: number): number {
    return (this.kinds[entityId] ?? 0) - 1
  }

  /** Reads the kinds of the given entities, or of all. */
  private learnKinds(db: Db, ids?: readonly number[]): void {
    forEachEntityKind(
      db,
      (id, kind) => {
        if (id >= this.kinds.length) this.kinds = grown(this.kinds, id + 1)
        this.kinds[id] = NAMED_KINDS.indexOf(kind) + 1
      },
      ids
    )
  }

  /** The entity ids of one article, ascending (none for an unknown article). */
  of(articleId: number): Int32Array {
    const changed = this.changed.get(articleId)
    if (changed) return changed
    if (articleId + 1 >= this.offsets.length) return NONE
    return this.ids.subarray(this.offsets[articleId]!, this.offsets[articleId + 1]!)
  }

  /** Reads the given articles again (the article change log named them). */
  update(db: Db, articleIds: readonly number[]): void {
    const now = entityIdsOfArticles(db, articleIds)
    for (const id of articleIds) this.changed.set(id, Int32Array.from(now.get(id) ?? []))
    // Entities made since (an import's new names, a split) are looked up once.
    const unknown = new Set<number>()
    for (const ids of now.values()) for (const entity of ids) if (this.kindOf(entity) === undefined) unknown.add(entity)
    if (unknown.size > 0) this.learnKinds(db, [...unknown])
    if (this.changed.size > Math.max(this.packAfter, (this.offsets.length - 1) / 4)) this.pack()
  }

  /**
   * How many of the given articles mention each entity: `each(entity id, count)` once per entity
   * mentioned, in no order. It runs on every search over up to 2,000 articles (tens of entities
   * each), so it reads the packed ids in place and allocates nothing per article or per entity.
   */
  count(articleIds: readonly number[], each: (entity: number, count: number) => void): void {
    let touched = 0
    for (const id of articleIds) {
      const changed = this.changed.get(id)
      let source = this.ids
      let from = 0
      let to = 0
      if (changed) {
        source = changed
        to = changed.length
      } else if (id + 1 < this.offsets.length) {
        from = this.offsets[id]!
        to = this.offsets[id + 1]!
      }
      for (let i = from; i < to; i++) {
        const entity = source[i]!
        if (entity >= this.tally.length) this.tally = grown(this.tally, entity + 1)
        if (this.tally[entity]!++ === 0) {
          if (touched === this.touched.length) this.touched = grown(this.touched, touched + 1)
          this.touched[touched++] = entity
        }
      }
    }
    for (let i = 0; i < touched; i++) {
      const entity = this.touched[i]!
      each(entity, this.tally[entity]!)
      this.tally[entity] = 0
    }
  }

  /** Packs the changed articles in with the rest. */
  private pack(): void {
    let maxId = this.offsets.length - 2
    for (const id of this.changed.keys()) maxId = Math.max(maxId, id)
    const articles: number[] = []
    const starts: number[] = []
    const parts: Int32Array[] = []
    let length = 0
    for (let id = 0; id <= maxId; id++) {
      const own = this.of(id)
      if (own.length === 0) continue
      articles.push(id)
      starts.push(length)
      parts.push(own)
      length += own.length
    }
    const ids = new Int32Array(length)
    parts.forEach((part, i) => ids.set(part, starts[i]!))
    this.offsets = packOffsets(articles, starts, length)
    this.ids = ids
    this.changed.clear()
  }
}

/** Offsets by article id (length max id + 2) from the articles present, ascending, and where each starts. */
function packOffsets(articles: readonly number[], starts: readonly number[], length: number): Int32Array {
  const maxId = articles.length ? articles[articles.length - 1]! : -1
  const offsets = new Int32Array(maxId + 2)
  let next = articles.length - 1
  let end = length
  // Filled from the top down: an article without entities starts where the next one does.
  for (let id = maxId + 1; id >= 0; id--) {
    if (id <= maxId && next >= 0 && articles[next] === id) end = starts[next--]!
    offsets[id] = end
  }
  return offsets
}
