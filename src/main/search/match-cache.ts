/** Matches kept at most by one engine, the most recently used. */
const KEPT = 4
/** Ids a kept match may hold at most (a few MB); a match past it is read again when asked. */
const KEPT_IDS_AT_MOST = 250_000

/**
 * The index's answers to the last few costly matches, each valid for the archive generation it
 * was read at: every change to an article (an import, an edit, a deletion, new mentions) moves
 * the generation, and an answer read at another generation is read again. A match read in less
 * than `keepAfterMs` is cheaper to read again than to hold.
 */
export class MatchCache<T extends { matched: ArrayLike<number> | null; ranked: ArrayLike<unknown> | null }> {
  private readonly entries = new Map<string, { generation: number; value: T }>()

  constructor(public keepAfterMs = 20) {}

  get(key: string, generation: number): T | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    if (entry.generation !== generation) return undefined
    this.entries.set(key, entry)
    return entry.value
  }

  put(key: string, generation: number, value: T, readMs: number): void {
    if (readMs < this.keepAfterMs) return
    if ((value.matched?.length ?? 0) + (value.ranked?.length ?? 0) > KEPT_IDS_AT_MOST) return
    this.entries.delete(key)
    this.entries.set(key, { generation, value })
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= KEPT) break
      this.entries.delete(oldest)
    }
  }
}
