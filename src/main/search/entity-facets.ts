import { entityCountsIn, visibleEntitiesAmong } from '../archive/repo/entities'
import type { Facets } from '../../shared/search'
import { NAMED_KINDS, type NamedKind } from '../../shared/entities'
import type { SearchEngine } from './engine'
import { FACET_LIMIT } from './facets'

/**
 * Matches the entity facets count over. Counting reads every mention of every article counted
 * (tens per article), so a common word's matches are sampled: the first ones in index order.
 */
export const ENTITY_FACET_ARTICLES = 2000

type EntityFacets = Pick<Facets, 'person' | 'org' | 'mentionedPlace'>
/** Entity rows of one kind looked up at once while walking its counts down (a few may be hidden). */
const LOOKUP_BATCH = 2 * FACET_LIMIT

/**
 * The people, organisations and places mentioned most in the matching articles: most articles
 * first, then by name in SQLite's order (code points), hidden entities left out.
 */
export function entityFacets(engine: SearchEngine, ids: readonly number[]): EntityFacets {
  const sample = ids.length > ENTITY_FACET_ARTICLES ? ids.slice(0, ENTITY_FACET_ARTICLES) : ids
  const out: EntityFacets = { person: [], org: [], mentionedPlace: [] }
  if (sample.length === 0) return out
  const add = (kind: NamedKind, value: string, count: number): void => {
    const list = out[kind === 'place' ? 'mentionedPlace' : kind]
    if (list.length < FACET_LIMIT) list.push({ value, count })
  }
  const inMemory = engine.articleEntities()
  if (!inMemory) {
    // Before the reader has loaded the articles' entities: one pass over the sample's mentions.
    for (const { kind, value, count } of entityCountsIn(engine.db, sample)) add(kind, value, count)
    return out
  }
  // Each kind walked apart: organisations outnumber people and places, so one walk down all the
  // counts went deep into ties of organisations (count 1, thousands of them) to find ten people.
  const byKind = new Map<NamedKind, [number, number][]>(NAMED_KINDS.map((k) => [k, []]))
  for (const c of inMemory.count(sample)) {
    const kind = inMemory.kindOf(c[0])
    if (kind) byKind.get(kind)!.push(c)
  }
  for (const [kind, counts] of byKind) {
    counts.sort((a, b) => b[1] - a[1])
    const list = out[kind === 'place' ? 'mentionedPlace' : kind]
    // Names are looked up only as far down the counts as the list needs, a whole tie at a time so
    // that ties go by name exactly as they would in SQL.
    for (let i = 0; i < counts.length && list.length < FACET_LIMIT; ) {
      let end = i + 1
      while (end < counts.length && (end - i < LOOKUP_BATCH || counts[end]![1] === counts[end - 1]![1])) end++
      const batch = counts.slice(i, end)
      const countOf = new Map(batch)
      const rows = visibleEntitiesAmong(engine.db, batch.map(([id]) => id))
      rows.sort((a, b) => countOf.get(b.id)! - countOf.get(a.id)! || compareCodePoints(a.value, b.value))
      for (const r of rows) add(r.kind, r.value, countOf.get(r.id)!)
      i = end
    }
  }
  return out
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
