import { variantKey } from './translit'

/** How many variants one fuzzy word may expand into (the FTS5 OR stays small). */
export const MAX_VARIANTS = 16
/** Vocabulary words shorter than this are never offered as fuzzy variants. */
const MIN_VARIANT_LENGTH = 3

/** Keys shorter than this get no one-edit key neighbours (mason would pass for masood). */
const MIN_KEY_NEIGHBOUR_LENGTH = 6
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/** Every string one edit away (delete, transpose, replace, insert a letter): Damerau distance 1. */
export function edits1(word: string): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i)
    const tail = word.slice(i)
    if (tail) out.add(head + tail.slice(1))
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2))
    for (const c of LETTERS) {
      if (tail) out.add(head + c + tail.slice(1))
      out.add(head + c + tail)
    }
  }
  out.delete(word)
  return out
}

/**
 * The archive's vocabulary in memory: document counts per word, a sorted list for prefix
 * completion, and (built on first fuzzy use) a transliteration-key map. Variants are looked up,
 * not searched for: the key's spellings, the words one edit from the word, and the spellings
 * whose key is one edit from its key — a few hundred map lookups, no index to build. (A
 * minisearch index over the same 47,000 words took ~250 ms of CPU and ~70 MB to build.)
 * Kept in step by `apply` with signed deltas.
 */
export class VariantIndex {
  private readonly docs = new Map<string, number>()
  private sorted: string[] | null = null
  private byKey: Map<string, string[]> | null = null

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
  }

  private removed(term: string): void {
    this.sorted = null
    if (this.byKey) {
      const key = variantKey(term)
      const list = this.byKey.get(key)?.filter((t) => t !== term)
      if (list?.length) this.byKey.set(key, list)
      else this.byKey.delete(key)
    }
  }

  /** Builds the key map now rather than on the first fuzzy word. */
  warm(): void {
    this.keyMap()
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

  private sortedTerms(): string[] {
    if (!this.sorted) this.sorted = [...this.docs.keys()].sort()
    return this.sorted
  }

  /**
   * Other spellings of `term` in the archive, at most `limit`: same transliteration key first,
   * then one edit away, then one edit away in key space (Mohamed → Muhammad); most frequent first
   * within each group.
   */
  variants(term: string, limit = MAX_VARIANTS): string[] {
    if (term.length < MIN_VARIANT_LENGTH) return []
    const keys = this.keyMap()
    const key = variantKey(term)
    const rank = (a: string, b: string): number => this.docCount(b) - this.docCount(a) || (a < b ? -1 : 1)
    const seen = new Set<string>([term])
    const take = (list: Iterable<string>): string[] => {
      const out = [...list].filter((t) => !seen.has(t)).sort(rank)
      for (const t of out) seen.add(t)
      return out
    }
    const same = take(keys.get(key) ?? [])
    const near = term.length >= 4 ? take([...edits1(term)].filter((t) => this.docs.has(t))) : []
    const keyNear =
      key.length >= MIN_KEY_NEIGHBOUR_LENGTH ? take([...edits1(key)].flatMap((k) => keys.get(k) ?? [])) : []
    return [...same, ...near, ...keyNear].slice(0, limit)
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
