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

/**
 * The current selection's fixed and moving ends as clean-text offsets, a collapsed caret
 * included, when both lie in the Reader's paragraphs; else null.
 */
export function selectionEnds(root: Element): { anchor: number; focus: number } | null {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null
  if (!root.contains(sel.anchorNode) || !root.contains(sel.focusNode)) return null
  const anchor = offsetIn(sel.anchorNode, sel.anchorOffset)
  const focus = offsetIn(sel.focusNode, sel.focusOffset)
  return anchor === null || focus === null ? null : { anchor, focus }
}

/** The text node and offset in it where clean-text `offset` lies; between paragraphs, the nearest paragraph edge. */
function domPoint(root: Element, offset: number): { node: Node; offset: number } | null {
  const paragraphs = [...root.querySelectorAll('[data-text-start]')]
  const starts = paragraphs.map((p) => Number(p.getAttribute('data-text-start')))
  let i = starts.findLastIndex((s) => s <= offset)
  if (i < 0) i = 0
  const ptext = paragraphs[i]
  if (!ptext) return null
  let left = Math.max(0, offset - starts[i]!)
  const walker = document.createTreeWalker(ptext, NodeFilter.SHOW_TEXT)
  let last: Text | null = null
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.data.length) return { node, offset: left }
    left -= node.data.length
    last = node
  }
  return last ? { node: last, offset: last.data.length } : null
}

/**
 * Makes the DOM selection clean text [anchor → focus) (a caret when equal), so the keyboard path
 * leaves exactly the selection a mouse drag over the same words would, read back by selectionOffsets.
 */
export function selectOffsets(root: Element, anchor: number, focus: number): Range | null {
  const a = domPoint(root, anchor)
  const f = domPoint(root, focus)
  const sel = window.getSelection()
  if (!a || !f || !sel) return null
  sel.setBaseAndExtent(a.node, a.offset, f.node, f.offset)
  const caret = document.createRange()
  caret.setStart(f.node, f.offset)
  return caret
}
