import { createContext, useCallback, useContext, useEffect, useState } from 'react'

const PREFIX = 'annalist.ui.'

/**
 * Whose UI state this is: the open archive's id (ArchiveGate provides it). Keyed by the archive,
 * not by the page's origin, so the chosen chronology, the open article and pane sizes survive a
 * server restart on another port, and two archives never share them.
 */
export const PersistScope = createContext('')

function storageKey(scope: string, key: string): string {
  return `${PREFIX}${scope ? `${scope}.` : ''}${key}`
}

function read<T>(name: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(name)
    return raw === null ? fallback : (JSON.parse(raw) as T)
  } catch {
    return fallback
  }
}

/** useState whose value survives reloads (pane sizes, sort order, toggles); UI state only, never archive data. */
export function usePersistentState<T>(key: string, fallback: T): [T, (next: T | ((prev: T) => T)) => void] {
  const name = storageKey(useContext(PersistScope), key)
  const [value, setValue] = useState<T>(() => read(name, fallback))
  useEffect(() => {
    try {
      localStorage.setItem(name, JSON.stringify(value))
    } catch {
      // Storage can be full or disabled; the UI still works, it just forgets.
    }
  }, [name, value])
  const set = useCallback((next: T | ((prev: T) => T)) => setValue(next), [])
  return [value, set]
}
