import { entityCountsIn, visibleEntitiesAmong } from '../archive/repo/entities'
import type { FacetCount, Facets } from '../../shared/search'
import { NAMED_KINDS, type NamedKind } from '../../shared/entities'
import type { SearchEngine } from './engine'
import { FACET_LIMIT } from './facets'

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
  const bands = new Map<NamedKind, CountBands>(NAMED_KINDS.map((k) => [k, new CountBands()]))
  const inMemory = engine.articleEntities()
  if (inMemory) {
    inMemory.count(sample, (entity, count) => {
      const kind = inMemory.kindOf(entity)
      if (kind) bands.get(kind)!.add(entity, count)
    })
  } else {
    // Before the reader has loaded the articles' entities: the sample's mentions, read for it.
    for (const { entity, kind, count } of entityCountsIn(engine.db, sample)) bands.get(kind)!.add(entity, count)
  }
  // Names are looked up only as far down the counts as each list needs, a whole tie at a time so
  // that ties go by name exactly as they would in SQL; the kinds' bands are asked in one statement.
  for (;;) {
    const asked = new Map<number, number>()
    for (const [kind, kindBands] of bands) {
      if (listOf(kind).length >= FACET_LIMIT) continue
      for (const [id, count] of kindBands.next(LOOKUP_BATCH)) asked.set(id, count)
    }
    if (asked.size === 0) return out
    const rows = visibleEntitiesAmong(engine.db, [...asked.keys()])
    rows.sort((a, b) => asked.get(b.id)! - asked.get(a.id)! || compareCodePoints(a.value, b.value))
    for (const r of rows) add(r.kind, r.value, asked.get(r.id)!)
  }
}

/**
 * The entities of one kind with their counts, handed out in bands of descending count: each band
 * holds every entity whose count lies in the next run of counts that reaches `size` entities, so
 * a tie is never cut. Bands are found from a histogram of the counts, without sorting them all:
 * a common word's sample touches tens of thousands of organisations for the twenty shown.
 */
class CountBands {
  private readonly ids: number[] = []
  private readonly counts: number[] = []
  private readonly histogram: number[] = []
  /** The highest count not handed out yet. */
  private level = 0

  add(id: number, count: number): void {
    this.ids.push(id)
    this.counts.push(count)
    while (this.histogram.length <= count) this.histogram.push(0)
    this.histogram[count]!++
    if (count > this.level) this.level = count
  }

  /** The next band down, [entity id, count] in no order (empty once all were handed out). */
  next(size: number): [number, number][] {
    if (this.level < 1) return []
    let low = this.level
    for (let n = this.histogram[low]!; n < size && low > 1; ) n += this.histogram[--low]!
    const band: [number, number][] = []
    for (let i = 0; i < this.ids.length; i++) {
      const count = this.counts[i]!
      if (count >= low && count <= this.level) band.push([this.ids[i]!, count])
    }
    this.level = low - 1
    return band
  }
}

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
