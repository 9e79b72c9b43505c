import { nameKey } from '../text/name-key'

/**
 * The archive's words grouped by transliteration key, and the keys grouped by first letter and
 * length, so the keys within two edits of a long key are a scan of a few hundred, not of the
 * whole vocabulary. Kept in step word by word (`add`, `remove`).
 */
export class KeyIndex {
  /**
   * A key's one word as itself, or its words as a list. A search reader holds this for as long as
   * it runs, and the garbage collector marks every object of it on each full collection: at
   * 100,000 articles 46,235 of the 49,293 keys had one word of 53,465, and a list for each was
   * 92,000 of the reader's 400,000 heap objects.
   */
  private readonly byKey = new Map<string, string | string[]>()
  private readonly byShape = new Map<string, Set<string>>()

  constructor(terms: Iterable<string> = []) {
    for (const term of terms) this.add(term)
  }

  add(term: string): void {
    const key = nameKey(term)
    const held = this.byKey.get(key)
    if (held !== undefined) {
      if (typeof held === 'string') this.byKey.set(key, [held, term])
      else held.push(term)
      return
    }
    this.byKey.set(key, term)
    const shape = shapeOf(key)
    const keys = this.byShape.get(shape)
    if (keys) keys.add(key)
    else this.byShape.set(shape, new Set([key]))
  }

  remove(term: string): void {
    const key = nameKey(term)
    const left = this.terms(key).filter((t) => t !== term)
    if (left.length > 0) {
      this.byKey.set(key, left.length === 1 ? left[0]! : left)
      return
    }
    this.byKey.delete(key)
    this.byShape.get(shapeOf(key))?.delete(key)
  }

  /** The archive's words with this key. */
  terms(key: string): readonly string[] {
    const held = this.byKey.get(key)
    return held === undefined ? [] : typeof held === 'string' ? [held] : held
  }

  /** Keys starting with `first` and `length` letters long. */
  keysShaped(first: string, length: number): Iterable<string> {
    return this.byShape.get(`${first}${length}`) ?? []
  }
}

function shapeOf(key: string): string {
  return `${key.charAt(0)}${key.length}`
}
