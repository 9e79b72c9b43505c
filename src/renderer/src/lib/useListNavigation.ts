import { useCallback, useImperativeHandle, useState, type Ref } from 'react'

/** What App drives from global shortcuts, on whichever list is shown. */
export interface ListHandle {
  move(delta: number): void
  openActive(): void
  focus(): void
}

interface Options {
  /** Rows in the list. */
  count: number
  /** The article in row `index`, if it is loaded. */
  idAt(index: number): number | undefined
  onOpen(id: number): void
  /** Brings row `index` into view. */
  scrollTo(index: number): void
  focus(): void
  /** The active row goes back to the top when this changes (a new query, a new order). */
  resetKey?: string
}

export interface ListNavigation {
  active: number
  /** Makes `index` the active row without scrolling (a click on it). */
  setActive(index: number): void
  /** Makes `index` (clamped to the list) the active row and scrolls it into view. */
  moveTo(index: number): void
  openIndex(index: number): void
  /** Arrow keys, j/k and Enter; true when the key was one of them. */
  onKey(e: React.KeyboardEvent): boolean
}

/**
 * Keyboard and shortcut navigation shared by the Library and the search hits: one active row,
 * moved by arrows or j/k, opened with Enter, and the handle App's global shortcuts drive.
 */
export function useListNavigation({ count, idAt, onOpen, scrollTo, focus, resetKey = '' }: Options, ref: Ref<ListHandle>): ListNavigation {
  const [state, setState] = useState({ active: 0, resetKey })
  const active = state.resetKey === resetKey ? state.active : 0
  const setActive = useCallback((index: number) => setState({ active: index, resetKey }), [resetKey])

  const moveTo = useCallback(
    (index: number) => {
      if (count === 0) return
      const next = Math.max(0, Math.min(count - 1, index))
      setActive(next)
      scrollTo(next)
    },
    [count, setActive, scrollTo]
  )
  const openIndex = useCallback(
    (index: number) => {
      const id = idAt(index)
      if (id !== undefined) onOpen(id)
    },
    [idAt, onOpen]
  )
  useImperativeHandle(ref, () => ({ move: (d) => moveTo(active + d), openActive: () => openIndex(active), focus }), [active, moveTo, openIndex, focus])

  const onKey = (e: React.KeyboardEvent): boolean => {
    const k = e.key
    if (k === 'ArrowDown' || k === 'j') moveTo(active + 1)
    else if (k === 'ArrowUp' || k === 'k') moveTo(active - 1)
    else if (k === 'Enter') openIndex(active)
    else return false
    return true
  }
  return { active, setActive, moveTo, openIndex, onKey }
}
