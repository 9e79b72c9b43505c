import { useEffect, useRef } from 'react'

export interface ShortcutHandlers {
  focusSearch(): void
  move(delta: number): void
  open(): void
  cite(): void
  editEvent(): void
  undo(): void
  redo(): void
  nextHit(delta: number): void
  help(): void
}

/** True when keys typed now belong to a text field, not to the workbench. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el) return false
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT'
}

/** Window-wide shortcuts; single letters only fire when no text field has focus. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers)
  useEffect(() => {
    ref.current = handlers
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const h = ref.current
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (mod && key === 'k') {
        e.preventDefault()
        h.focusSearch()
        return
      }
      if (e.key === 'F3') {
        e.preventDefault()
        h.nextHit(e.shiftKey ? -1 : 1)
        return
      }
      if (typing(e.target) || e.defaultPrevented) return
      if (mod && key === 'z') {
        e.preventDefault()
        if (e.shiftKey) h.redo()
        else h.undo()
        return
      }
      if (mod && key === 'y') {
        e.preventDefault()
        h.redo()
        return
      }
      if (mod || e.altKey) return
      if (e.key === '?') h.help()
      // Bare arrows keep scrolling whatever has focus; they drive the list only from the page itself.
      else if (key === 'j' || (e.key === 'ArrowDown' && e.target === document.body)) h.move(1)
      else if (key === 'k' || (e.key === 'ArrowUp' && e.target === document.body)) h.move(-1)
      else if (e.key === 'Enter' && (e.target as HTMLElement).tagName !== 'BUTTON') h.open()
      else if (key === 'c') h.cite()
      else if (key === 'e') h.editEvent()
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
