import { createRequire } from 'node:module'

const requireFromHere = createRequire(import.meta.url)

/**
 * A dependency loaded on its first use rather than when the backend loads. Every thread of the
 * backend (the writer and each reader) loads the whole backend, and a reader answering searches
 * never parses a date, a charset or Markdown: chrono-node, jschardet and markdown-it took 120 of
 * the 200 ms a thread spent loading it, on each of the threads starting at once.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= requireFromHere(id) as T)
}

/** A value built from lazily required dependencies on first use, once. */
export function lazyValue<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => (made ??= { value: make() }).value
}
