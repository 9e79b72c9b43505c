import { errorMessage } from './errors'

/**
 * The message shown in the window's problem bar: the last failed call nobody showed in place.
 * A tiny store outside React so the query cache (which is not a component) can report into it.
 */
export interface Problems {
  get(): string | null
  report(err: unknown): void
  dismiss(): void
  subscribe(listener: () => void): () => void
}

export function createProblems(): Problems {
  let current: string | null = null
  const listeners = new Set<() => void>()
  const set = (next: string | null): void => {
    current = next
    for (const l of listeners) l()
  }
  return {
    get: () => current,
    report: (err) => set(errorMessage(err)),
    dismiss: () => set(null),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
