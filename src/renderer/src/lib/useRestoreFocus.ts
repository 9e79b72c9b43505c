import { useLayoutEffect, useRef, useState } from 'react'

/** True when focus has nowhere meaningful to be: on the page itself or on a removed element. */
export function focusLost(): boolean {
  const el = document.activeElement
  return !el || el === document.body || !el.isConnected
}

/**
 * Hands focus back when a dialog, popover or form that held it goes away, as the WAI-ARIA
 * Authoring Practices ask: to the control that had focus when it opened, or, when that control is
 * gone too (an Edit button replaced by the editor it opened), to `fallback`. Focus the user has
 * already moved elsewhere is left alone; it never ends on the page body.
 */
export function useRestoreFocus(fallback?: () => HTMLElement | null | undefined): void {
  const latest = useRef(fallback)
  useLayoutEffect(() => {
    latest.current = fallback
  })
  // Read while rendering, before the commit runs any autoFocus of the opening element.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null))
  useLayoutEffect(() => {
    return () => {
      // After React has removed the closing element and the caller's state change has rendered.
      requestAnimationFrame(() => {
        if (!focusLost()) return
        const target = opener?.isConnected ? opener : latest.current?.()
        target?.focus()
      })
    }
  }, [opener])
}
