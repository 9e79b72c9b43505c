import type { Db } from '../archive/db'

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

type MetaRow = [number, number | null, string | null, string | null, string | null, string | null, string | null]

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
  readonly byline: Int32Array
  readonly months = new Interner()
  readonly places = new Interner()
  readonly languages = new Interner()
  readonly bylines = new Interner()
  readonly sourceNames = new Map<number, string>()
  readonly count: number
  readonly maxId: number

  private constructor(rows: MetaRow[], sources: [number, string][]) {
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
    this.byline = new Int32Array(size)
    for (const [id, name] of sources) this.sourceNames.set(id, name)
    for (const [id, source, earliest, latest, language, place, byline] of rows) {
      this.present[id] = 1
      this.source[id] = source ?? 0
      this.earliest[id] = dayNumber(earliest)
      this.latest[id] = dayNumber(latest)
      this.month[id] = this.months.id(monthBucket(earliest, latest))
      this.place[id] = this.places.id(place)
      this.language[id] = this.languages.id(language ? language.toLowerCase() : null)
      this.byline[id] = this.bylines.id(byline)
    }
  }

  /** Loads every article's columns through the `search_article_meta` covering index. */
  static load(db: Db): ArticleMeta {
    const rows = db
      .prepare(
        `SELECT id, source_id, published_earliest, published_latest, language, place, byline
         FROM articles INDEXED BY search_article_meta`
      )
      .raw()
      .all() as MetaRow[]
    const sources = db.prepare('SELECT id, name FROM sources').raw().all() as [number, string][]
    return new ArticleMeta(rows, sources)
  }

  /** Whether an undated article or one with this day number exists. */
  static isDay(n: number): boolean {
    return n !== NO_DAY
  }
}

/** The facet bucket of a published range: `YYYY-MM` when it lies in one month, else `YYYY`. */
export function monthBucket(earliest: string | null, latest: string | null): string | null {
  if (!earliest) return null
  if (latest && earliest.slice(0, 7) === latest.slice(0, 7)) return earliest.slice(0, 7)
  return earliest.slice(0, 4)
}
