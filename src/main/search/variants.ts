import type { Spelling } from '../../shared/search'
import { isOrdinaryWord, loadOrdinaryWords } from '../text/ordinary-words'
import { MAX_PREFIX_SCAN, MAX_VARIANTS, MAX_VARIANT_PROBES } from '../../shared/search-limits'
import { KeyIndex } from './key-index'
import { findSpellings } from './spelling-variants'

/**
 * The archive's vocabulary in memory: document counts per word, a sorted list for prefix
 * completion, and a transliteration-key index (`KeyIndex`). Variants are looked up, not searched
 * for: the key's spellings, the spellings whose key is one edit from it, and for long keys those
 * two edits away among keys of the same first letter and near length — a few hundred look-ups,
 * no index to build. (A minisearch index over the same 47,000 words took ~250 ms of CPU and
 * ~70 MB to build.) The one-edit neighbours grow with the square of a word's length, so the
 * length is capped (MAX_EXPAND_LENGTH) and so is the number of look-ups (MAX_VARIANT_PROBES),
 * counted in `cost`.
 * Kept in step by `apply` with signed deltas.
 */
export class VariantIndex {
  private readonly docs = new Map<string, number>()
  private sorted: string[] | null = null
  /** Words added to and removed from the index since `sorted` was last brought up to date. */
  private readonly sortedIn = new Set<string>()
  private readonly sortedOut = new Set<string>()
  private byKey: KeyIndex | null = null
  private maxDocsCache: number | null = null
  private probes = 0

  /** Builds from `[term, docs]` pairs (the persisted vocabulary). */
  constructor(entries: Iterable<readonly [string, number]> = []) {
    for (const [term, n] of entries) if (n > 0) this.docs.set(term, n)
  }

  get size(): number {
    return this.docs.size
  }

  /**
   * Vocabulary look-ups and entries examined by `variants` and `completions` so far: a count of
   * work that does not depend on the machine, for tests and benchmarks to hold against the limits.
   */
  get cost(): number {
    return this.probes
  }

  /** Articles the word occurs in (as far as the vocabulary knows), 0 when absent. */
  docCount(term: string): number {
    return this.docs.get(term) ?? 0
  }

  /** Up to `limit` words found in at least `minDocs` articles, those in most articles first (ties by word). */
  mostCommon(minDocs: number, limit: number): string[] {
    const found: [string, number][] = []
    for (const [term, n] of this.docs) if (n >= minDocs) found.push([term, n])
    found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    return found.slice(0, limit).map(([term]) => term)
  }

  /** Applies per-word changes in article counts; words that reach 0 leave the index. */
  apply(deltas: ReadonlyMap<string, number>): void {
    for (const [term, delta] of deltas) this.set(term, (this.docs.get(term) ?? 0) + delta)
  }

  /** Sets words' article counts (0 or less: the word leaves the index). */
  setCounts(counts: Iterable<readonly [string, number]>): void {
    for (const [term, docs] of counts) this.set(term, docs)
  }

  private set(term: string, after: number): void {
    this.maxDocsCache = null
    const before = this.docs.get(term) ?? 0
    if (after > 0) {
      this.docs.set(term, after)
      if (before <= 0) this.added(term)
    } else if (before > 0) {
      this.docs.delete(term)
      this.removed(term)
    }
  }

  private added(term: string): void {
    if (this.sorted && !this.sortedOut.delete(term)) this.sortedIn.add(term)
    this.byKey?.add(term)
  }

  private removed(term: string): void {
    if (this.sorted && !this.sortedIn.delete(term)) this.sortedOut.add(term)
    this.byKey?.remove(term)
  }

  /** Builds the key map and the sorted list now rather than on the first fuzzy or prefix word. */
  warm(): void {
    this.keyMap()
    this.sortedTerms()
    this.maxDocs()
    loadOrdinaryWords()
  }

  private keyMap(): KeyIndex {
    this.byKey ??= new KeyIndex(this.docs.keys())
    return this.byKey
  }

  /**
   * The words in sorted order. Words added or removed since it was built are merged in (a sort of
   * the few new words and one pass), not re-sorted: an import adds words between any two searches.
   */
  private sortedTerms(): string[] {
    if (!this.sorted) this.sorted = [...this.docs.keys()].sort()
    else if (this.sortedIn.size || this.sortedOut.size) {
      const incoming = [...this.sortedIn].sort()
      const merged: string[] = []
      let j = 0
      for (const t of this.sorted) {
        if (this.sortedOut.has(t)) continue
        while (j < incoming.length && incoming[j]! < t) merged.push(incoming[j++]!)
        merged.push(t)
      }
      while (j < incoming.length) merged.push(incoming[j++]!)
      this.sorted = merged
    }
    this.sortedIn.clear()
    this.sortedOut.clear()
    return this.sorted
  }

  /**
   * Other spellings of `term` in the archive, most likely first, at most `limit` (see
   * `findSpellings`); the look-ups stop at MAX_VARIANT_PROBES.
   */
  variants(term: string, limit = MAX_VARIANTS): Spelling[] {
    let budget = MAX_VARIANT_PROBES
    return findSpellings(
      term,
      {
        keys: this.keyMap(),
        docCount: (t) => this.docCount(t),
        maxDocs: () => this.maxDocs(),
        ordinary: isOrdinaryWord,
        spend: () => {
          if (budget <= 0) return false
          budget--
          this.probes++
          return true
        }
      },
      limit
    )
  }

  /** Articles of the most frequent word. */
  private maxDocs(): number {
    if (this.maxDocsCache === null) {
      let max = 0
      for (const n of this.docs.values()) if (n > max) max = n
      this.maxDocsCache = max
    }
    return this.maxDocsCache
  }

  /** Index of the first vocabulary word not before `prefix` in sorted order. */
  private firstFrom(prefix: string): number {
    const terms = this.sortedTerms()
    let lo = 0
    let hi = terms.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (terms[mid]! < prefix) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /**
   * Vocabulary words starting with `prefix`, most frequent first, among the first
   * MAX_PREFIX_SCAN in alphabetical order (a one-letter prefix would otherwise rank thousands).
   */
  completions(prefix: string, limit: number): { term: string; docs: number }[] {
    const terms = this.sortedTerms()
    const lo = this.firstFrom(prefix)
    const out: { term: string; docs: number }[] = []
    const end = Math.min(terms.length, lo + MAX_PREFIX_SCAN)
    for (let i = lo; i < end && terms[i]!.startsWith(prefix); i++) {
      this.probes++
      out.push({ term: terms[i]!, docs: this.docCount(terms[i]!) })
    }
    return out.sort((a, b) => b.docs - a.docs || (a.term < b.term ? -1 : 1)).slice(0, limit)
  }

  /**
   * How many postings FTS5 reads to match `prefix*`: the article counts of the words starting
   * with it, summed. Null when more than MAX_PREFIX_SCAN words start with it (too broad to count).
   */
  prefixPostings(prefix: string): number | null {
    const terms = this.sortedTerms()
    const lo = this.firstFrom(prefix)
    let sum = 0
    for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++) {
      if (i - lo >= MAX_PREFIX_SCAN) return null
      this.probes++
      sum += this.docCount(terms[i]!)
    }
    return sum
  }
}
