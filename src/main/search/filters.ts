import type { Db } from '../archive/db'
import { articleBylines, articleIdsTagged, citedArticleIds, sourceIdsNamed } from '../archive/repo/search-meta'
import type { DateRange, QueryFilter } from '../../shared/search'
import { ArticleMeta, dayNumber } from './meta'
import { articlesMentioning } from '../entities/lookup'
import { matchedAsWord } from '../../shared/entities'
import { escapeRegExp } from '../../shared/regexp'

/** A test on an article id, built once per query from the filters and the in-memory columns. */
export type ArticleTest = (id: number) => boolean

function contains(needle: string): (value: string) => boolean {
  const n = needle.toLowerCase()
  return (value) => value.toLowerCase().includes(n)
}

/** A place's name in a dateline: as a word if short, as the names of mentioned places are. */
function namesPlace(needle: string): (value: string) => boolean {
  if (!matchedAsWord(needle)) return contains(needle)
  const word = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle.trim())}(?![\\p{L}\\p{N}])`, 'iu')
  return (value) => word.test(value)
}

function outletIds(db: Db, meta: ArticleMeta, value: string): Set<number> {
  const exact = sourceIdsNamed(db, value)
  if (exact.length) return new Set(exact)
  const test = contains(value)
  return new Set([...meta.sourceNames].filter(([, name]) => test(name)).map(([id]) => id))
}

/** Every article's byline, lower-cased, read once per query however many byline filters it has. */
type Bylines = () => readonly [number, string][]

function filterTest(db: Db, meta: ArticleMeta, filter: QueryFilter, bylines: Bylines): ArticleTest {
  const any = <T>(make: (value: string) => T, union: (sets: T[]) => ArticleTest): ArticleTest =>
    union(filter.values.map(make))
  switch (filter.field) {
    case 'outlet':
      return any(
        (v) => outletIds(db, meta, v),
        (sets) => (id) => sets.some((s) => s.has(meta.source[id]!))
      )
    case 'place':
      return any(
        (v) => ({ dateline: meta.places.matching(namesPlace(v)), mentioned: new Set(articlesMentioning(db, 'place', v)) }),
        (sets) => (id) => sets.some((s) => s.dateline.has(meta.place[id]!) || s.mentioned.has(id))
      )
    case 'person':
    case 'org':
      return any(
        (v) => new Set(articlesMentioning(db, filter.field as 'person' | 'org', v)),
        (sets) => (id) => sets.some((s) => s.has(id))
      )
    case 'byline':
      // Bylines are nearly one per article, so they stay out of memory between queries.
      return any(
        (v) => {
          const needle = v.toLowerCase()
          const ids = new Set<number>()
          for (const [id, byline] of bylines()) if (byline.includes(needle)) ids.add(id)
          return ids
        },
        (sets) => (id) => sets.some((s) => s.has(id))
      )
    case 'lang':
      return any(
        (v) => meta.languages.matching((l) => l === v || l.startsWith(`${v}-`)),
        (sets) => (id) => sets.some((s) => s.has(meta.language[id]!))
      )
    case 'tag':
      return any(
        (v) => new Set(articleIdsTagged(db, v)),
        (sets) => (id) => sets.some((s) => s.has(id))
      )
    case 'has':
      return any(
        (v): ArticleTest => {
          if (v === 'unknown-year') return (id) => meta.yearUnknown[id] === 1
          const cited = new Set(citedArticleIds(db))
          return (id) => cited.has(id)
        },
        (tests) => (id) => tests.some((t) => t(id))
      )
  }
}

/**
 * One predicate for all filters and the date range. Dates honour precision: an article dated
 * only to August 2021 passes `after:2021-08-15` because some day it may denote does. An article
 * of unknown year (`XXXX-03-17`) has no days, so it passes neither `after:` nor `before:`.
 */
export function buildArticleTest(db: Db, meta: ArticleMeta, filters: QueryFilter[], dates: DateRange): ArticleTest {
  // One scan of the small covering index for all byline filters: a scan per value made 256 of
  // them (a crafted query) take ~0.9 s on 10,000 articles.
  let rows: [number, string][] | null = null
  const bylines: Bylines = () =>
    (rows ??= articleBylines(db).map(([id, byline]) => [id, byline.toLowerCase()]))
  const tests: ArticleTest[] = filters.map((f) => {
    const test = filterTest(db, meta, f, bylines)
    return f.negate ? (id) => !test(id) : test
  })
  if (dates.after) {
    const after = dayNumber(dates.after)
    tests.push((id) => meta.latest[id]! >= after)
  }
  if (dates.before) {
    const before = dayNumber(dates.before)
    // Undated articles hold the smallest day number; they must not pass a before: filter.
    tests.push((id) => meta.earliest[id]! <= before && ArticleMeta.isDay(meta.earliest[id]!))
  }
  if (tests.length === 0) return () => true
  if (tests.length === 1) return tests[0]!
  return (id) => tests.every((t) => t(id))
}
