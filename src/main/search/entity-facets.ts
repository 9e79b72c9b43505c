import { entityCountsIn, visibleEntitiesAmong } from '../archive/repo/entities'
import type { FacetCount, Facets } from '../../shared/search'
import { NAMED_KINDS, type NamedKind } from '../../shared/entities'
import type { SearchEngine } from './engine'
import { FACET_LIMIT } from './facets'
import { grown } from './grown'
import { HIDDEN, UNKNOWN, type EntityNameOrder } from './entity-name-order'

/**
 * Matches the entity facets count over at most. Counting reads every mention of every article
 * counted (tens per article), so the matches of a common word are sampled (`entitySample`).
 */
export const ENTITY_FACET_ARTICLES = 2000

type EntityFacets = Pick<Facets, 'person' | 'org' | 'mentionedPlace' | 'entitiesCounted'>
/** Entity rows of one kind looked up at once while walking its counts down (a few may be hidden). */
const LOOKUP_BATCH = 2 * FACET_LIMIT

/**
 * At most `size` of the matches, spread evenly over them in their order (article id order), so
 * that the counts speak for the whole span of the archive they match in. The first ones alone
 * were the earliest imported: a word matching 30,000 articles had its names counted in the first
 * 2,000 of them that came in.
 */
export function entitySample(ids: readonly number[], size = ENTITY_FACET_ARTICLES): readonly number[] {
  if (ids.length <= size) return ids
  return Array.from({ length: size }, (_, i) => ids[Math.floor((i * ids.length) / size)]!)
}

/**
 * The people, organisations and places mentioned most in the matching articles: most articles
 * first, then by name in SQLite's order (code points), hidden entities left out; counted in
 * `entitySample` of them.
 */
export function entityFacets(engine: SearchEngine, ids: readonly number[], sampleSize = ENTITY_FACET_ARTICLES): EntityFacets {
  const sample = entitySample(ids, sampleSize)
  const out: EntityFacets = { person: [], org: [], mentionedPlace: [], entitiesCounted: sample.length }
  if (sample.length === 0) return out
  const listOf = (kind: NamedKind): FacetCount[] => out[kind === 'place' ? 'mentionedPlace' : kind]
  const add = (kind: NamedKind, value: string, count: number): void => {
    const list = listOf(kind)
    if (list.length < FACET_LIMIT) list.push({ value, count })
  }
  // Each kind walked apart: organisations outnumber people and places, so one walk down all the
  // counts went deep into ties of organisations (count 1, thousands of them) to find ten people.
  const bands = KIND_BANDS.map((b) => b.reset())
  const inMemory = engine.articleEntities()
  if (inMemory) {
    inMemory.count(sample, (entity, count, kind) => {
      if (kind >= 0) bands[kind]!.add(entity, count)
    })
  } else {
    // Before the reader has loaded the articles' entities: the sample's mentions, read for it.
    for (const { entity, kind, count } of entityCountsIn(engine.db, sample)) bands[NAMED_KINDS.indexOf(kind)]!.add(entity, count)
  }
  if (shownByNameOrder(engine, bands, add)) return out
  // Names are looked up only as far down the counts as each list needs, a whole tie at a time so
  // that ties go by name exactly as they would in SQL; the kinds' bands are asked in one statement.
  for (const band of bands) band.rewind()
  for (;;) {
    const asked = new Map<number, number>()
    NAMED_KINDS.forEach((kind, k) => {
      if (listOf(kind).length < FACET_LIMIT) bands[k]!.nextInto(LOOKUP_BATCH, asked)
    })
    if (asked.size === 0) return out
    const rows = visibleEntitiesAmong(engine.db, [...asked.keys()])
    rows.sort((a, b) => asked.get(b.id)! - asked.get(a.id)! || compareCodePoints(a.value, b.value))
    for (const r of rows) add(r.kind, r.value, asked.get(r.id)!)
  }
}

/**
 * Each kind's entities shown, chosen by the reader's name order (entity-name-order.ts) while it
 * is current: ties put in name order without reading their names, the names of those shown read
 * in the same snapshot as the order's stamp. False, having added nothing, when there is no
 * current order or a band needed holds an entity absent when it was read.
 */
function shownByNameOrder(engine: SearchEngine, bands: readonly CountBands[], add: (kind: NamedKind, value: string, count: number) => void): boolean {
  return engine.db.transaction(() => {
    const order = engine.entityNameOrder()
    const chosen = order && chosenByName(order, bands)
    if (!chosen) return false
    const ids = chosen.flatMap((list) => list.map(([id]) => id))
    const names = new Map(visibleEntitiesAmong(engine.db, ids).map((r) => [r.id, r] as const))
    if (names.size !== ids.length) return false
    for (const list of chosen) for (const [id, count] of list) add(names.get(id)!.kind, names.get(id)!.value, count)
    return true
  })()
}

/** Counts above this cannot be keyed by `chosenByName` (a count is at most the articles counted, ENTITY_FACET_ARTICLES by default). */
const MAX_KEYED_COUNT = 2 ** 21
/** Keys of one band, grown as needed and reused by every search on this thread. */
let bandKeys = new Float64Array(1024)

/**
 * Up to FACET_LIMIT [entity id, count] of each kind, most counted first, ties by name; null if a
 * band needed holds an entity the order does not know. A band of low counts can tie thousands of
 * entities: each is keyed by one number, its count above its place in name order (both exact in a
 * double), and the keys sorted as a typed array, rather than a Map of the band and a tuple each
 * (117 KB allocated per medium word's search at 100,000 articles).
 */
function chosenByName(order: EntityNameOrder, bands: readonly CountBands[]): [number, number][][] | null {
  const chosen: [number, number][][] = []
  for (const kindBands of bands) {
    const list: [number, number][] = []
    chosen.push(list)
    while (list.length < FACET_LIMIT) {
      let keyed = 0
      let unknown = false
      const handed = kindBands.nextBand(LOOKUP_BATCH, (id, count) => {
        const place = order.place(id)
        if (place === UNKNOWN || count >= MAX_KEYED_COUNT) unknown = true
        else if (place !== HIDDEN) {
          if (keyed === bandKeys.length) bandKeys = grown(bandKeys, keyed + 1)
          bandKeys[keyed++] = (MAX_KEYED_COUNT - count) * 2 ** 31 + place
        }
      })
      if (unknown) return null
      if (handed === 0) break
      const keys = bandKeys.subarray(0, keyed).sort()
      for (let i = 0; i < keys.length && list.length < FACET_LIMIT; i++) {
        const key = keys[i]!
        const count = MAX_KEYED_COUNT - Math.floor(key / 2 ** 31)
        list.push([order.idAt(key % 2 ** 31), count])
      }
    }
  }
  return chosen
}

/**
 * The entities of one kind with their counts, handed out in bands of descending count: each band
 * holds every entity whose count lies in the next run of counts that reaches `size` entities, so
 * a tie is never cut. Bands are found from a histogram of the counts, without sorting them all:
 * a common word's sample touches tens of thousands of organisations for the twenty shown.
 * One per kind is kept and reset for each search: its arrays grown once, a search allocates
 * nothing per entity (the growing arrays of every search were a sixth of its allocations).
 */
class CountBands {
  private ids = new Int32Array(1024)
  private counts = new Int32Array(1024)
  private histogram = new Int32Array(1024)
  private length = 0
  /** The highest count added since the reset, and the highest not handed out yet. */
  private top = 0
  private level = 0

  reset(): this {
    this.histogram.fill(0, 0, this.top + 1)
    this.length = this.top = this.level = 0
    return this
  }

  /** Hands the bands out again from the top. */
  rewind(): void {
    this.level = this.top
  }

  add(id: number, count: number): void {
    if (this.length === this.ids.length) {
      this.ids = grown(this.ids, this.length + 1)
      this.counts = grown(this.counts, this.length + 1)
    }
    this.ids[this.length] = id
    this.counts[this.length++] = count
    if (count >= this.histogram.length) this.histogram = grown(this.histogram, count + 1)
    this.histogram[count]!++
    if (count > this.top) this.top = this.level = count
  }

  /** Puts the next band down into `into` (entity id to count); nothing once all were handed out. */
  nextInto(size: number, into: Map<number, number>): void {
    this.nextBand(size, (id, count) => into.set(id, count))
  }

  /** Hands each entity of the next band down to `each`, and says how many; none once all were handed out. */
  nextBand(size: number, each: (id: number, count: number) => void): number {
    if (this.level < 1) return 0
    let low = this.level
    for (let n = this.histogram[low]!; n < size && low > 1; ) n += this.histogram[--low]!
    let handed = 0
    for (let i = 0; i < this.length; i++) {
      const count = this.counts[i]!
      if (count >= low && count <= this.level) {
        each(this.ids[i]!, count)
        handed++
      }
    }
    this.level = low - 1
    return handed
  }
}

/** The bands of each kind, in NAMED_KINDS order, reused by every search on this thread. */
const KIND_BANDS = NAMED_KINDS.map(() => new CountBands())

/**
 * SQLite's order of text (BINARY: UTF-8 bytes, which is code point order). JavaScript compares
 * UTF-16 units instead, which puts a character beyond the BMP (a surrogate pair) before one in
 * U+E000–U+FFFF; surrogates are moved above that range here.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x === y) continue
    if (x >= 0xd800 && x <= 0xdfff) x += 0x10000
    if (y >= 0xd800 && y <= 0xdfff) y += 0x10000
    return x - y
  }
  return a.length - b.length
}
