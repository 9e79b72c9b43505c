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
 * kept too (one byte per entity), so facets walk each kind's counts apart.
 *
 * Entities are held under slots numbered by how many articles mention them, the most mentioned
 * first (those an import adds later take the next slots): counting a common word's 2,000
 * sampled articles makes about 70,000 increments among 170,000 entities at 100,000 articles,
 * and by slot most of them land close together, in the few thousand counters of the names most
 * articles carry, instead of all over the table (such a count 1.6 → 1.2 ms there).
 */
export class ArticleEntities {
  private readonly changed = new Map<number, Int32Array>()
  /** Per-slot counters for `count`, zeroed again after each use. */
  private tally = new Int32Array(0)
  /** The slots `count` has met so far in its current call. */
  private touched = new Int32Array(0)
  /** By slot: 1 + its entity's index in NAMED_KINDS, 0 while unknown. */
  private kinds = new Uint8Array(0)
  /** By entity id: 1 + its slot, 0 for an entity no article held. */
  private slotOf = new Int32Array(0)
  /** By slot: its entity id. */
  private entityOf = new Int32Array(0)
  private slots = 0

  private constructor(
    private offsets: Int32Array,
    /** Each article's slots, packed. */
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
    ids = ids.slice(0, length)
    const loaded = new ArticleEntities(packOffsets(articles, starts, length), ids, packAfter)
    loaded.numberSlots(ids, articles.length)
    for (let i = 0; i < length; i++) ids[i] = loaded.slotOf[ids[i]!]! - 1
    loaded.learnKinds(db)
    return loaded
  }

  /** Gives every entity in `entityIds` a slot, the most frequent first (ties by id), by a counting sort. */
  private numberSlots(entityIds: Int32Array, articles: number): void {
    let maxId = 0
    for (const id of entityIds) maxId = Math.max(maxId, id)
    const frequency = new Int32Array(maxId + 1)
    for (const id of entityIds) frequency[id]!++
    // Entities per frequency, then each frequency's first slot, the highest frequency first.
    const first = new Int32Array(articles + 2)
    for (let id = 0; id <= maxId; id++) if (frequency[id]! > 0) first[frequency[id]!]!++
    let slots = 0
    for (let f = articles; f >= 1; f--) {
      const n = first[f]!
      first[f] = slots
      slots += n
    }
    this.slots = slots
    this.slotOf = new Int32Array(maxId + 1)
    this.entityOf = new Int32Array(slots)
    for (let id = 0; id <= maxId; id++) {
      const f = frequency[id]!
      if (f === 0) continue
      this.entityOf[first[f]!] = id
      this.slotOf[id] = ++first[f]!
    }
  }

  /** The slot of an entity, given the next free one if it had none. */
  private slotFor(entityId: number): number {
    if (entityId >= this.slotOf.length) this.slotOf = grown(this.slotOf, entityId + 1)
    const known = this.slotOf[entityId]!
    if (known > 0) return known - 1
    if (this.slots === this.entityOf.length) this.entityOf = grown(this.entityOf, this.slots + 1)
    this.entityOf[this.slots] = entityId
    this.slotOf[entityId] = ++this.slots
    return this.slots - 1
  }

  /** An entity's kind (undefined for an entity no article held when it was last read). */
  kindOf(entityId: number): NamedKind | undefined {
    const slot = entityId < this.slotOf.length ? this.slotOf[entityId]! - 1 : -1
    return slot < 0 ? undefined : NAMED_KINDS[(this.kinds[slot] ?? 0) - 1]
  }

  /** Reads the kinds of the given entities, or of all. */
  private learnKinds(db: Db, ids?: readonly number[]): void {
    forEachEntityKind(
      db,
      (id, kind) => {
        const slot = id < this.slotOf.length ? this.slotOf[id]! - 1 : -1
        if (slot < 0) return
        if (slot >= this.kinds.length) this.kinds = grown(this.kinds, slot + 1)
        this.kinds[slot] = NAMED_KINDS.indexOf(kind) + 1
      },
      ids
    )
  }

  /** The slots of one article (none for an unknown article). */
  private slotsOf(articleId: number): Int32Array {
    const changed = this.changed.get(articleId)
    if (changed) return changed
    if (articleId + 1 >= this.offsets.length) return NONE
    return this.ids.subarray(this.offsets[articleId]!, this.offsets[articleId + 1]!)
  }

  /** The entity ids of one article, ascending (none for an unknown article). */
  of(articleId: number): Int32Array {
    return this.slotsOf(articleId)
      .map((slot) => this.entityOf[slot]!)
      .sort()
  }

  /** Reads the given articles again (the article change log named them). */
  update(db: Db, articleIds: readonly number[]): void {
    const now = entityIdsOfArticles(db, articleIds)
    // Entities made since (an import's new names, a split) take new slots; their kinds are read once.
    const unknown: number[] = []
    for (const id of articleIds) {
      const entities = now.get(id) ?? []
      const slots = new Int32Array(entities.length)
      entities.forEach((entity, i) => {
        if (this.kindOf(entity) === undefined) unknown.push(entity)
        slots[i] = this.slotFor(entity)
      })
      this.changed.set(id, slots)
    }
    if (unknown.length > 0) this.learnKinds(db, [...new Set(unknown)])
    if (this.changed.size > Math.max(this.packAfter, (this.offsets.length - 1) / 4)) this.pack()
  }

  /**
   * How many of the given articles mention each entity: `each(entity id, count, kind)` once per
   * entity mentioned, in no order, its kind as an index in NAMED_KINDS (-1 if unknown). It runs
   * on every search over up to 2,000 articles (tens of entities each), so it reads the packed
   * slots in place and allocates nothing per article or per entity.
   */
  count(articleIds: readonly number[], each: (entity: number, count: number, kind: number) => void): void {
    if (this.tally.length < this.slots) this.tally = grown(this.tally, this.slots)
    if (this.touched.length < this.slots) this.touched = grown(this.touched, this.slots)
    const tally = this.tally
    const touched = this.touched
    let met = 0
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
        const slot = source[i]!
        if (tally[slot]!++ === 0) touched[met++] = slot
      }
    }
    for (let i = 0; i < met; i++) {
      const slot = touched[i]!
      each(this.entityOf[slot]!, tally[slot]!, (this.kinds[slot] ?? 0) - 1)
      tally[slot] = 0
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
      const own = this.slotsOf(id)
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
