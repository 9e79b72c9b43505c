/**
 * The writer's in-memory index of `paragraph_fingerprints_recent` by hash (`repo/fingerprints.ts`
 * says why the recent rows are kept apart). Typed arrays, not a Map of arrays: it holds up to
 * RECENT_FINGERPRINTS rows, and a Map would cost about five times the memory for them.
 *
 * Rows hang off their hash's slot (open addressing, linear probing) in a singly linked chain.
 * A removed row is unlinked and its entry left unused until the index is cleared, which happens
 * when the recent rows are merged into the large table.
 */

/** One row: a paragraph (article and ordinal) carrying a fingerprint. */
export interface FingerprintRow {
  hash: number
  article_id: number
  ordinal: number
}

const EMPTY = -1

export class FingerprintMemory {
  private slotHash = new Uint32Array(0)
  /** Whether a slot has ever held a hash (0 is a valid hash, so the hash alone cannot say). */
  private used = new Uint8Array(0)
  /** First entry of each slot's chain, EMPTY when none; a slot once used keeps its hash. */
  private slotHead = new Int32Array(0)
  private slotsUsed = 0
  private article = new Float64Array(0)
  private ordinal = new Uint32Array(0)
  private next = new Int32Array(0)
  private entries = 0
  /** Rows held (entries minus the removed ones). */
  size = 0

  constructor() {
    this.clear()
  }

  clear(): void {
    this.slotHash = new Uint32Array(1024)
    this.used = new Uint8Array(1024)
    this.slotHead = new Int32Array(1024).fill(EMPTY)
    this.slotsUsed = 0
    this.article = new Float64Array(1024)
    this.ordinal = new Uint32Array(1024)
    this.next = new Int32Array(1024)
    this.entries = 0
    this.size = 0
  }

  /** Adds a row unless it is held already (the table's primary key ignores it too). */
  add(hash: number, articleId: number, ordinal: number): void {
    const slot = this.slotFor(hash, true)
    for (let e = this.slotHead[slot]!; e !== EMPTY; e = this.next[e]!) {
      if (this.article[e] === articleId && this.ordinal[e] === ordinal) return
    }
    if (this.entries === this.article.length) this.growEntries()
    const e = this.entries++
    this.article[e] = articleId
    this.ordinal[e] = ordinal
    this.next[e] = this.slotHead[slot]!
    this.slotHead[slot] = e
    this.size++
  }

  /** Whether the row is held. */
  has(hash: number, articleId: number, ordinal: number): boolean {
    const slot = this.slotFor(hash, false)
    if (slot === EMPTY) return false
    for (let e = this.slotHead[slot]!; e !== EMPTY; e = this.next[e]!) {
      if (this.article[e] === articleId && this.ordinal[e] === ordinal) return true
    }
    return false
  }

  /** Removes a row; false when it was not held. */
  remove(hash: number, articleId: number, ordinal: number): boolean {
    const slot = this.slotFor(hash, false)
    if (slot === EMPTY) return false
    let prev = EMPTY
    for (let e = this.slotHead[slot]!; e !== EMPTY; prev = e, e = this.next[e]!) {
      if (this.article[e] !== articleId || this.ordinal[e] !== ordinal) continue
      if (prev === EMPTY) this.slotHead[slot] = this.next[e]!
      else this.next[prev] = this.next[e]!
      this.size--
      return true
    }
    return false
  }

  /** How many rows carry the hash, counting no further than `cap`. */
  count(hash: number, cap: number): number {
    const slot = this.slotFor(hash, false)
    if (slot === EMPTY) return 0
    let n = 0
    for (let e = this.slotHead[slot]!; e !== EMPTY && n < cap; e = this.next[e]!) n++
    return n
  }

  /** The rows carrying the hash, in no particular order. */
  rows(hash: number, out: FingerprintRow[] = []): FingerprintRow[] {
    const slot = this.slotFor(hash, false)
    if (slot === EMPTY) return out
    for (let e = this.slotHead[slot]!; e !== EMPTY; e = this.next[e]!) out.push({ hash, article_id: this.article[e]!, ordinal: this.ordinal[e]! })
    return out
  }

  /** The slot holding the hash; with `create`, a new one when there is none, else EMPTY. */
  private slotFor(hash: number, create: boolean): number {
    if (create && (this.slotsUsed + 1) * 2 > this.slotHash.length) this.growSlots()
    const mask = this.slotHash.length - 1
    // Fingerprints are hashes already, but mixed again so that runs of nearby values spread out.
    for (let i = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask; ; i = (i + 1) & mask) {
      if (this.used[i] === 0) {
        if (!create) return EMPTY
        this.used[i] = 1
        this.slotHash[i] = hash
        this.slotsUsed++
        return i
      }
      if (this.slotHash[i] === hash) return i
    }
  }

  private growSlots(): void {
    const oldHash = this.slotHash
    const oldHead = this.slotHead
    const oldUsed = this.used
    const size = oldHash.length * 2
    this.slotHash = new Uint32Array(size)
    this.slotHead = new Int32Array(size).fill(EMPTY)
    this.used = new Uint8Array(size)
    this.slotsUsed = 0
    for (let i = 0; i < oldHash.length; i++) {
      // A slot whose rows were all removed is dropped here: nothing probes through it any more.
      if (oldUsed[i] !== 1 || oldHead[i] === EMPTY) continue
      const slot = this.slotFor(oldHash[i]!, true)
      this.slotHead[slot] = oldHead[i]!
    }
  }

  private growEntries(): void {
    const size = this.article.length * 2
    const grow = <T extends Uint32Array | Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size)
      b.set(a)
      return b
    }
    this.article = grow(this.article, (n) => new Float64Array(n))
    this.ordinal = grow(this.ordinal, (n) => new Uint32Array(n))
    this.next = grow(this.next, (n) => new Int32Array(n))
  }
}
