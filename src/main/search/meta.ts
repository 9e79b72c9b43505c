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
  /** An interner holding `values` (index 0, none, first) under their saved ids. */
  static of(values: readonly string[]): Interner {
    const interner = new Interner()
    for (let i = 1; i < values.length; i++) interner.id(values[i]!)
    return interner
  }
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

/** The article columns in the shape they are saved in (see `ArticleMeta.saved`). */
export interface SavedMeta {
  count: number
  maxId: number
  months: readonly string[]
  places: readonly string[]
  languages: readonly string[]
  /** Month bucket → its id among `months`. */
  buckets: readonly (readonly [number, number])[]
  /** Each column holds maxId + 1 values. */
  columns: SavedColumns
}

/** The columns by name; a saved copy holds them in this order. */
export const INT_COLUMNS = ['source', 'earliest', 'latest', 'month', 'place', 'language'] as const
export const BYTE_COLUMNS = ['present', 'yearUnknown'] as const
export type SavedColumns = Record<(typeof INT_COLUMNS)[number], Int32Array<ArrayBuffer>> & Record<(typeof BYTE_COLUMNS)[number], Uint8Array<ArrayBuffer>>

/**
 * Per-article filter and facet columns held in typed arrays indexed by article id, loaded from a
 * covering index (never the wide articles rows), so filtering and counting 100,000 candidates
 * costs a loop, not a join. Kept in step with the archive by `update` with the rows of the
 * articles that changed (the arrays grow with headroom, so an import does not copy them per file).
 */
export class ArticleMeta {
  present = new Uint8Array(0)
  source = new Int32Array(0)
  earliest = new Int32Array(0)
  latest = new Int32Array(0)
  month = new Int32Array(0)
  place = new Int32Array(0)
  language = new Int32Array(0)
  /** 1 for an article whose publication date has an unknown year (`XXXX-03-17`): no days, own facet bucket. */
  yearUnknown = new Uint8Array(0)
  readonly sourceNames = new Map<number, string>()
  count = 0
  maxId = 0
  private readonly buckets = new Map<number, number>()

  private constructor(
    readonly months = new Interner(),
    readonly places = new Interner(),
    readonly languages = new Interner()
  ) {}

  /**
   * Loads every article's columns (archive/repo/search-meta: a covering index, dates turned into
   * numbers by SQLite).
   */
  static load(db: Db): ArticleMeta {
    const rows = articleMetaRows(db)
    const meta = new ArticleMeta()
    meta.grow(rows.reduce((m, r) => Math.max(m, r[0]), 0) + 1, 0)
    meta.setSources(sourceNamePairs(db))
    meta.write(rows, yearUnknownArticleIds(db))
    return meta
  }

  /** The columns as saved (`search/meta-snapshot.ts` turns them into bytes); outlet names are not kept. */
  saved(): SavedMeta {
    const n = this.maxId + 1
    return {
      count: this.count,
      maxId: this.maxId,
      months: this.months.values,
      places: this.places.values,
      languages: this.languages.values,
      buckets: [...this.buckets],
      columns: {
        source: this.source.subarray(0, n),
        earliest: this.earliest.subarray(0, n),
        latest: this.latest.subarray(0, n),
        month: this.month.subarray(0, n),
        place: this.place.subarray(0, n),
        language: this.language.subarray(0, n),
        present: this.present.subarray(0, n),
        yearUnknown: this.yearUnknown.subarray(0, n)
      }
    }
  }

  /** Columns from a saved copy, without outlet names (`update` sets them); null when the copy does not hold them all. */
  static restored(saved: SavedMeta): ArticleMeta | null {
    const n = saved.maxId + 1
    const c = saved.columns
    if ([...INT_COLUMNS, ...BYTE_COLUMNS].some((name) => c[name].length !== n)) return null
    const meta = new ArticleMeta(Interner.of(saved.months), Interner.of(saved.places), Interner.of(saved.languages))
    meta.source = c.source
    meta.earliest = c.earliest
    meta.latest = c.latest
    meta.month = c.month
    meta.place = c.place
    meta.language = c.language
    meta.present = c.present
    meta.yearUnknown = c.yearUnknown
    for (const [bucket, id] of saved.buckets) meta.buckets.set(bucket, id)
    meta.count = saved.count
    meta.maxId = saved.maxId
    return meta
  }

  /** Whether an undated article or one with this day number exists. */
  static isDay(n: number): boolean {
    return n !== NO_DAY
  }

  /**
   * Brings the columns of the articles `changed` up to date: `rows` are those of them that still
   * exist, `yearUnknown` those of them whose year is unknown; the others are gone.
   */
  update(changed: readonly number[], rows: MetaRow[], yearUnknown: number[], sources: [number, string][]): void {
    let maxId = this.maxId
    for (const r of rows) maxId = Math.max(maxId, r[0])
    if (maxId >= this.present.length) this.grow(maxId + 1, Math.max(1024, maxId >> 2))
    for (const id of changed) {
      if (id >= this.present.length || !this.present[id]) continue
      this.present[id] = 0
      this.yearUnknown[id] = 0
      this.count--
    }
    this.setSources(sources)
    this.write(rows, yearUnknown)
  }

  private write(rows: MetaRow[], yearUnknown: number[]): void {
    for (const [id, source, earliest, latest, bucket, language, place] of rows) {
      if (!this.present[id]) this.count++
      this.present[id] = 1
      this.maxId = Math.max(this.maxId, id)
      this.source[id] = source ?? 0
      this.earliest[id] = earliest ?? NO_DAY
      this.latest[id] = latest ?? NO_DAY
      let month = 0
      if (bucket !== null) {
        month = this.buckets.get(bucket) ?? 0
        if (!month) this.buckets.set(bucket, (month = this.months.id(bucketLabel(bucket))))
      }
      this.month[id] = month
      this.place[id] = this.places.id(place)
      this.language[id] = this.languages.id(language ? language.toLowerCase() : null)
    }
    for (const id of yearUnknown) this.yearUnknown[id] = 1
  }

  private setSources(sources: [number, string][]): void {
    this.sourceNames.clear()
    for (const [id, name] of sources) this.sourceNames.set(id, name)
  }

  /** Resizes every column to `size + headroom` ids, keeping what they hold. */
  private grow(size: number, headroom: number): void {
    const length = size + headroom
    const copy = <T extends Uint8Array | Int32Array>(old: T, make: (n: number) => T, fill?: number): T => {
      const next = make(length)
      if (fill !== undefined) next.fill(fill, old.length)
      next.set(old)
      return next
    }
    this.present = copy(this.present, (n) => new Uint8Array(n))
    this.yearUnknown = copy(this.yearUnknown, (n) => new Uint8Array(n))
    this.source = copy(this.source, (n) => new Int32Array(n))
    this.earliest = copy(this.earliest, (n) => new Int32Array(n), NO_DAY)
    this.latest = copy(this.latest, (n) => new Int32Array(n), NO_DAY)
    this.month = copy(this.month, (n) => new Int32Array(n))
    this.place = copy(this.place, (n) => new Int32Array(n))
    this.language = copy(this.language, (n) => new Int32Array(n))
  }
}

/** The facet label of a month bucket: `YYYY-MM` for year*12+month-1, `YYYY` for -year. */
export function bucketLabel(bucket: number): string {
  if (bucket < 0) return String(-bucket).padStart(4, '0')
  return `${String(Math.floor(bucket / 12)).padStart(4, '0')}-${String((bucket % 12) + 1).padStart(2, '0')}`
}
