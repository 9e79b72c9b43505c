import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react'
import { selectionEnds, selectOffsets } from './domOffsets'

type Kept = { articleId: number; anchor: number; focus: number }

function keptOf(body: RefObject<HTMLElement | null>, articleId: number | null): Kept | null {
  const ends = body.current ? selectionEnds(body.current) : null
  return ends && articleId !== null ? { articleId, ...ends } : null
}

/**
 * Keeps the Reader's selection on the words it was made on while the text is redrawn.
 *
 * Names, citations and search matches arrive after the text and split its words into new
 * elements; the browser then moves a selection end that sat in a replaced text node to the edge
 * of its parent, so a passage selected in those first moments (by mouse or keyboard) would be
 * cited shorter or longer than the user chose. The selection is kept as clean-text offsets, read
 * at every `selectionchange` and at once by the function returned (the event comes a task later,
 * after a redraw that can follow a key in the same task), and put back after each redraw of
 * `drawn`.
 */
export function useKeptSelection(body: RefObject<HTMLElement | null>, articleId: number | null, drawn: unknown): () => void {
  const kept = useRef<Kept | null>(null)
  const remember = useCallback(() => {
    kept.current = keptOf(body, articleId)
  }, [body, articleId])

  useEffect(() => {
    document.addEventListener('selectionchange', remember)
    return () => document.removeEventListener('selectionchange', remember)
  }, [remember])

  useLayoutEffect(() => {
    const root = body.current
    const was = kept.current
    const sel = window.getSelection()
    // No range at all: the selection was cleared, not moved by the redraw.
    if (!root || !was || was.articleId !== articleId || !sel || sel.rangeCount === 0) return
    const now = selectionEnds(root)
    if (now && now.anchor === was.anchor && now.focus === was.focus) return
    selectOffsets(root, was.anchor, was.focus)
    // happy-dom reports the change at once, before it sets the direction; browsers a task later.
    kept.current = was
  }, [body, articleId, drawn])

  return remember
}
