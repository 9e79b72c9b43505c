import type { Db } from '../archive/db'
import { articleCountAndMaxId, articleLogPosition, articlesChangedSince } from '../archive/repo/search-meta'
import { forEachJoinedId } from '../archive/repo/joined'
import { matchingIdsAmong, matchingIdsJoined } from '../archive/repo/search-match'
import { vocabState } from '../archive/repo/search-vocab'
import { ftsString } from './compile'

/**
 * Bytes of bitmaps one reader holds: at 100,000 articles 12.5 KB a word, so the 335 most common
 * words; at a million, the 33 most common.
 */
export const COMMON_IDS_BYTES = 4 * 1024 * 1024

/**
 * Index seeks a catch-up may make (changed articles × loaded words) before it rebuilds instead:
 * each seek costs about 0.1 ms at 100,000 articles, loading 335 words again about 2.7 s.
 */
const CATCH_UP_SEEKS = 400

/** What a step left: nothing, more to load now, or a rebuild that waits for the archive to hold still. */
export type CommonIdsStep = 'done' | 'more' | 'later'

/** What the loaded bitmaps reflect. */
interface At {
  generation: number
  /** The vocabulary's rebuild epoch: an index rebuilt behind the change log's back moves it. */
  epoch: number
  /** The article change log position. */
  position: number
}

/**
 * The articles of the archive's most common words, as one bitmap per word (bit i: article i),
 * keyed by the FTS5 expression a plain word compiles to. A word in most of the archive is the
 * slowest plain search: at 100,000 articles "government", in 73,000 of them, read its ids from
 * FTS5 in 12 ms (of which better-sqlite3 stepping the rows was half), the rest of its search
 * 8 ms. A reader loads the bitmaps in steps while idle and answers from them only while they
 * reflect the archive's current search generation, so a search answers exactly as FTS5 would;
 * otherwise the search reads FTS5 as before. A few changed articles are caught up by one index
 * seek each per word; more, or an index rebuilt, make it load them again once the archive has
 * held still between two steps (an import running moves it on all the time).
 */
export class CommonIds {
  private readonly bits = new Map<string, Uint8Array>()
  /** Words planned and not loaded yet, most common first. */
  private pending: string[] = []
  private planned = false
  private at: At | null = null
  /** Bytes of each bitmap: article ids up to 8 × size - 1. */
  private size = 0
  /** The generation the previous step saw (-1 before the first). */
  private lastSeen = -1

  constructor(
    private readonly budgetBytes: number,
    private readonly minDocs: number
  ) {}

  /** The articles `match` matches, when it is a loaded word and the bitmaps reflect `generation`. */
  lookup(match: string, generation: number): Uint8Array | undefined {
    return this.at?.generation === generation ? this.bits.get(match) : undefined
  }

  /** Whether `step` has something to do at `generation`. */
  needsStep(generation: number): boolean {
    return !this.planned || this.pending.length > 0 || this.at?.generation !== generation
  }

  /** Words loaded (for tests and benchmarks). */
  get loaded(): number {
    return this.bits.size
  }

  /**
   * Catches up or plans, then loads words until `deadline` (performance.now()). Runs inside one
   * read transaction of `db`, which reads `generation` as the archive's search generation.
   * `words(minDocs, limit)`: the words in at least `minDocs` articles, most first, as far as the
   * vocabulary knows (it only chooses them).
   */
  step(db: Db, generation: number, words: (minDocs: number, limit: number) => string[], deadline: number): CommonIdsStep {
    const { epoch } = vocabState(db)
    const previous = this.lastSeen
    this.lastSeen = generation
    if (this.at && this.at.generation !== generation && !this.catchUp(db, generation, epoch)) this.clear()
    if (!this.planned) {
      // A build the archive moves under is thrown away: the first starts at once, later ones
      // once two steps saw the same generation.
      if (previous !== -1 && previous !== generation) return 'later'
      const { maxId } = articleCountAndMaxId(db)
      this.size = (maxId >> 3) + 1
      this.pending = words(this.minDocs, Math.floor(this.budgetBytes / this.size))
      this.at = { generation, epoch, position: articleLogPosition(db) }
      this.planned = true
    }
    while (this.pending.length > 0 && performance.now() < deadline) {
      const match = ftsString(this.pending.shift()!)
      // Read as one joined row and set bit by bit. Read as arrays of tens of thousands of ids
      // (and handed to searches as such), the built server at 100,000 held 283 MB 5 s after its
      // first answer and 324 MB after 1,000 queries; this way, with ids handed out in typed
      // arrays (bitmapIds), 211-214 and 241-248 MB, as without bitmaps.
      const found = matchingIdsJoined(db, match)
      if (found) this.cover(found.highest)
      const bitmap = new Uint8Array(this.size)
      if (found) forEachJoinedId(found.joined, (id) => (bitmap[id >> 3]! |= 1 << (id & 7)))
      this.bits.set(match, bitmap)
    }
    return this.pending.length > 0 ? 'more' : 'done'
  }

  /** Brings the loaded bitmaps to `generation` by the change log; false when that costs too much or cannot be done. */
  private catchUp(db: Db, generation: number, epoch: number): boolean {
    if (epoch !== this.at!.epoch) return false
    const changed = articlesChangedSince(db, this.at!.position)
    if (!changed || changed.ids.length * this.bits.size > CATCH_UP_SEEKS) return false
    const ids = changed.ids
    this.cover(ids.reduce((a, b) => Math.max(a, b), 0))
    for (const [match, bitmap] of this.bits) {
      for (const id of ids) bitmap[id >> 3]! &= ~(1 << (id & 7))
      if (ids.length > 0) for (const id of matchingIdsAmong(db, match, ids)) bitmap[id >> 3]! |= 1 << (id & 7)
    }
    this.at = { generation, epoch, position: changed.position }
    return true
  }

  /** Widens every bitmap to hold article `highest`, with room for an import's worth more. */
  private cover(highest: number): void {
    if (highest >> 3 < this.size) return
    this.size = Math.max((highest >> 3) + 1, Math.ceil(this.size * 1.25))
    for (const [match, bitmap] of this.bits) {
      const wider = new Uint8Array(this.size)
      wider.set(bitmap)
      this.bits.set(match, wider)
    }
  }

  private clear(): void {
    this.bits.clear()
    this.pending = []
    this.planned = false
    this.at = null
  }
}

/** Bits set in each byte value. */
const ONES = Uint8Array.from({ length: 256 }, (_, byte) => {
  let n = 0
  for (let b = byte; b !== 0; b &= b - 1) n++
  return n
})

/** The ids a bitmap holds, ascending, in an array of exactly their number. */
export function bitmapIds(bitmap: Uint8Array): Int32Array {
  let count = 0
  for (let byte = 0; byte < bitmap.length; byte++) count += ONES[bitmap[byte]!]!
  const ids = new Int32Array(count)
  let at = 0
  for (let byte = 0; byte < bitmap.length; byte++) {
    let bits = bitmap[byte]!
    while (bits !== 0) {
      const low = bits & -bits
      ids[at++] = (byte << 3) | (31 - Math.clz32(low))
      bits ^= low
    }
  }
  return ids
}
