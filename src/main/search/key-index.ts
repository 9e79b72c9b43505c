import { nameKey } from '../text/name-key'

/**
 * The archive's words grouped by transliteration key, and the keys grouped by first letter and
 * length, so the keys within two edits of a long key are a scan of a few hundred, not of the
 * whole vocabulary. Kept in step word by word (`add`, `remove`).
 */
export class KeyIndex {
  private readonly byKey = new Map<string, string[]>()
  private readonly byShape = new Map<string, Set<string>>()

  constructor(terms: Iterable<string> = []) {
    for (const term of terms) this.add(term)
  }

  add(term: string): void {
    const key = nameKey(term)
    const list = this.byKey.get(key)
    if (list) {
      list.push(term)
      return
    }
    this.byKey.set(key, [term])
    const shape = shapeOf(key)
    const keys = this.byShape.get(shape)
    if (keys) keys.add(key)
    else this.byShape.set(shape, new Set([key]))
  }

  remove(term: string): void {
    const key = nameKey(term)
    const list = this.byKey.get(key)?.filter((t) => t !== term)
    if (list?.length) {
      this.byKey.set(key, list)
      return
    }
    this.byKey.delete(key)
    this.byShape.get(shapeOf(key))?.delete(key)
  }

  /** The archive's words with this key. */
  terms(key: string): readonly string[] {
    return this.byKey.get(key) ?? []
  }

  /** Keys starting with `first` and `length` letters long. */
  keysShaped(first: string, length: number): Iterable<string> {
    return this.byShape.get(`${first}${length}`) ?? []
  }
}

function shapeOf(key: string): string {
  return `${key.charAt(0)}${key.length}`
}
