import MiniSearch from 'minisearch'
import { variantKey } from './translit'

/** How many variants one fuzzy word may expand into (the FTS5 OR stays small). */
export const MAX_VARIANTS = 16
/** Vocabulary words shorter than this are never offered as fuzzy variants. */
const MIN_VARIANT_LENGTH = 3

interface TermDoc {
  id: number
  t: string
}

/** Edit distance allowed for a word of this length: none for short words, 1 up to 7 letters, then 2. */
export function editDistanceFor(length: number): number {
  if (length < 4) return 0
  return length < 8 ? 1 : 2
}

/**
 * The archive's vocabulary in memory: document counts per word, a sorted list for prefix
 * completion, and (built on first use, it is the costly part) a transliteration-key map and a
 * minisearch index for edit-distance matches. Kept in step by `apply` with signed deltas.
 */
export class VariantIndex {
  private readonly docs = new Map<string, number>()
  private sorted: string[] | null = null
  private byKey: Map<string, string[]> | null = null
  private mini: MiniSearch<TermDoc> | null = null
  private readonly miniIds = new Map<string, number>()
  private nextId = 1

  /** Builds from `[term, docs]` pairs (the persisted vocabulary). */
  constructor(entries: Iterable<readonly [string, number]> = []) {
    for (const [term, n] of entries) if (n > 0) this.docs.set(term, n)
  }

  get size(): number {
    return this.docs.size
  }

  /** Articles the word occurs in (as far as the vocabulary knows), 0 when absent. */
  docCount(term: string): number {
    return this.docs.get(term) ?? 0
  }

  /** Applies per-word changes in article counts; words that reach 0 leave the index. */
  apply(deltas: ReadonlyMap<string, number>): void {
    for (const [term, delta] of deltas) {
      const before = this.docs.get(term) ?? 0
      const after = before + delta
      if (after > 0) {
        this.docs.set(term, after)
        if (before <= 0) this.added(term)
      } else if (before > 0) {
        this.docs.delete(term)
        this.removed(term)
      }
    }
  }

  private added(term: string): void {
    this.sorted = null
    if (this.byKey) {
      const key = variantKey(term)
      const list = this.byKey.get(key)
      if (list) list.push(term)
      else this.byKey.set(key, [term])
    }
    if (this.mini && term.length >= MIN_VARIANT_LENGTH) {
      const id = this.nextId++
      this.miniIds.set(term, id)
      this.mini.add({ id, t: term })
    }
  }

  private removed(term: string): void {
    this.sorted = null
    if (this.byKey) {
      const key = variantKey(term)
      const list = this.byKey.get(key)?.filter((t) => t !== term)
      if (list?.length) this.byKey.set(key, list)
      else this.byKey.delete(key)
    }
    const id = this.miniIds.get(term)
    if (this.mini && id !== undefined) {
      this.mini.discard(id)
      this.miniIds.delete(term)
    }
  }

  /** Builds the costly structures now (the engine calls this off the first keystroke's path). */
  warm(): void {
    this.keyMap()
    this.miniSearch()
  }

  private keyMap(): Map<string, string[]> {
    if (!this.byKey) {
      const map = new Map<string, string[]>()
      for (const term of this.docs.keys()) {
        const key = variantKey(term)
        const list = map.get(key)
        if (list) list.push(term)
        else map.set(key, [term])
      }
      this.byKey = map
    }
    return this.byKey
  }

  private miniSearch(): MiniSearch<TermDoc> {
    if (!this.mini) {
      const identity = (s: string): string[] => [s]
      const mini = new MiniSearch<TermDoc>({
        fields: ['t'],
        storeFields: [],
        tokenize: identity,
        processTerm: (s) => s,
        searchOptions: { tokenize: identity, processTerm: (s) => s }
      })
      const batch: TermDoc[] = []
      for (const term of this.docs.keys()) {
        if (term.length < MIN_VARIANT_LENGTH) continue
        const id = this.nextId++
        this.miniIds.set(term, id)
        batch.push({ id, t: term })
      }
      mini.addAll(batch)
      this.mini = mini
    }
    return this.mini
  }

  private sortedTerms(): string[] {
    if (!this.sorted) this.sorted = [...this.docs.keys()].sort()
    return this.sorted
  }

  /**
   * Other spellings of `term` in the archive: same transliteration key first, then words
   * within a small edit distance; most frequent first, at most `limit`.
   */
  variants(term: string, limit = MAX_VARIANTS): string[] {
    if (term.length < MIN_VARIANT_LENGTH) return []
    const byKey = (this.keyMap().get(variantKey(term)) ?? []).filter((t) => t !== term)
    const distance = editDistanceFor(term.length)
    const near =
      distance > 0
        ? this.miniSearch()
            .search(term, { fuzzy: distance, prefix: false })
            .flatMap((r) => r.terms)
            .filter((t) => t !== term && !byKey.includes(t))
        : []
    const rank = (a: string, b: string): number => this.docCount(b) - this.docCount(a) || (a < b ? -1 : 1)
    return [...byKey.sort(rank), ...[...new Set(near)].sort(rank)].slice(0, limit)
  }

  /** Vocabulary words starting with `prefix`, most frequent first. */
  completions(prefix: string, limit: number): { term: string; docs: number }[] {
    const terms = this.sortedTerms()
    let lo = 0
    let hi = terms.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (terms[mid]! < prefix) lo = mid + 1
      else hi = mid
    }
    const out: { term: string; docs: number }[] = []
    for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++) {
      out.push({ term: terms[i]!, docs: this.docCount(terms[i]!) })
    }
    return out.sort((a, b) => b.docs - a.docs || (a.term < b.term ? -1 : 1)).slice(0, limit)
  }
}
