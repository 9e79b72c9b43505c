import { useCallback, useEffect, useState } from 'react'

const PREFIX = 'annalist.ui.'

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(PREFIX + key)
    return raw === null ? fallback : (JSON.parse(raw) as T)
  } catch {
    return fallback
  }
}

/** useState whose value survives reloads (pane sizes, sort order, toggles); UI state only, never archive data. */
export function usePersistentState<T>(key: string, fallback: T): [T, (next: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => read(key, fallback))
  useEffect(() => {
    try {
      localStorage.setItem(PREFIX + key, JSON.stringify(value))
    } catch {
      // Storage can be full or disabled; the UI still works, it just forgets.
    }
  }, [key, value])
  const set = useCallback((next: T | ((prev: T) => T)) => setValue(next), [])
  return [value, set]
}
