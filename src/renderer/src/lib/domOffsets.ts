/** Maps a DOM selection inside the Reader back to offsets in the article's clean text. */

function offsetIn(node: Node, offset: number): number | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement
  const ptext = el?.closest('[data-text-start]')
  if (!ptext) return null
  const range = document.createRange()
  range.setStart(ptext, 0)
  range.setEnd(node, offset)
  return Number(ptext.getAttribute('data-text-start')) + range.toString().length
}

/** Clean-text [start, end) of the current selection if it lies within paragraphs, else null. */
export function selectionOffsets(root: Element): { start: number; end: number; rect: DOMRect } | null {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  const range = sel.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer)) return null
  const start = offsetIn(range.startContainer, range.startOffset)
  const end = offsetIn(range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  return { start, end, rect: range.getBoundingClientRect() }
}
