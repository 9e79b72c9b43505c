import type { Db } from '../archive/db'
import { articleMetaRows, sourceNamePairs, yearUnknownArticleIds, type MetaRow } from '../archive/repo/search-meta'

const NO_DAY = -2_147_483_648
const DAY_MS = 86_400_000

/** `YYYY-MM-DD` → days since 1970-01-01 (UTC), or NO_DAY. */
export function dayNumber(day: string | null): number {
  if (!day) return NO_DAY
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : NO_DAY
}

/** Interns strings so per-article columns are small integers (0 = none). */
class Interner {
  readonly values: string[] = ['']
  private readonly index = new Map<string, number>()
  id(value: string | null): number {
    if (value === null || value === '') return 0
    let id = this.index.get(value)
    if (id === undefined) {
      id = this.values.length
      this.values.push(value)
      this.index.set(value, id)
    }
    return id
  }
  /** Ids of values for which `test` holds. */
  matching(test: (value: string) => boolean): Set<number> {
    const out = new Set<number>()
    this.values.forEach((v, i) => {
      if (i > 0 && test(v)) out.add(i)
    })
    return out
  }
}

/**
 * Per-article filter and facet columns held in typed arrays indexed by article id, loaded from a
 * covering index (never the wide articles rows), so filtering and counting 100,000 candidates
 * costs a loop, not a join.
 */
export class ArticleMeta {
  readonly present: Uint8Array
  readonly source: Int32Array
  readonly earliest: Int32Array
  readonly latest: Int32Array
  readonly month: Int32Array
  readonly place: Int32Array
  readonly language: Int32Array
  /** 1 for an article whose publication date has an unknown year (`XXXX-03-17`): no days, own facet bucket. */
  readonly yearUnknown: Uint8Array
  readonly months = new Interner()
  readonly places = new Interner()
  readonly languages = new Interner()
  readonly sourceNames = new Map<number, string>()
  readonly count: number
  readonly maxId: number

  private constructor(rows: MetaRow[], sources: [number, string][], yearUnknown: number[]) {
    const maxId = rows.reduce((m, r) => Math.max(m, r[0]), 0)
    const size = maxId + 1
    this.maxId = maxId
    this.count = rows.length
    this.present = new Uint8Array(size)
    this.source = new Int32Array(size)
    this.earliest = new Int32Array(size).fill(NO_DAY)
    this.latest = new Int32Array(size).fill(NO_DAY)
    this.month = new Int32Array(size)
    this.place = new Int32Array(size)
    this.language = new Int32Array(size)
    this.yearUnknown = new Uint8Array(size)
    for (const id of yearUnknown) if (id < size) this.yearUnknown[id] = 1
    for (const [id, name] of sources) this.sourceNames.set(id, name)
    const buckets = new Map<number, number>()
    for (const [id, source, earliest, latest, bucket, language, place] of rows) {
      this.present[id] = 1
      this.source[id] = source ?? 0
      this.earliest[id] = earliest ?? NO_DAY
      this.latest[id] = latest ?? NO_DAY
      if (bucket !== null) {
        let month = buckets.get(bucket)
        if (month === undefined) buckets.set(bucket, (month = this.months.id(bucketLabel(bucket))))
        this.month[id] = month
      }
      this.place[id] = this.places.id(place)
      this.language[id] = this.languages.id(language ? language.toLowerCase() : null)
    }
  }

  /**
   * Loads every article's columns (archive/repo/search-meta: a covering index, dates turned into
   * numbers by SQLite).
   */
  static load(db: Db): ArticleMeta {
    return new ArticleMeta(articleMetaRows(db), sourceNamePairs(db), yearUnknownArticleIds(db))
  }

  /** Whether an undated article or one with this day number exists. */
  static isDay(n: number): boolean {
    return n !== NO_DAY
  }
}

/** The facet label of a month bucket: `YYYY-MM` for year*12+month-1, `YYYY` for -year. */
export function bucketLabel(bucket: number): string {
  if (bucket < 0) return String(-bucket).padStart(4, '0')
  return `${String(Math.floor(bucket / 12)).padStart(4, '0')}-${String((bucket % 12) + 1).padStart(2, '0')}`
}
