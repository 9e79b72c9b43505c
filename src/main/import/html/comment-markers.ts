import { ELEMENT_NODE, TEXT_NODE, walkElements, type DomElement, type DomNode } from './dom'

/**
 * Ids and anchor names that mark where reader comments begin. Matched whole: an id
 * that merely contains the word may be a slug made from an article heading's text.
 */
const MARKER_IDS = new Set(['comment', 'comments', 'responses'])
const HEADING = /^h[1-6]$/
/** Markers looked at, in document order: each one re-reads the text before it. */
const MAX_MARKERS = 8
/** Text (characters) a container must hold before a marker for the marker to end an article. */
const MIN_TEXT_BEFORE = 200

function markerId(value: string | null): boolean {
  return value !== null && MARKER_IDS.has(value.trim().toLowerCase())
}

/** An empty anchor or a heading whose id (or anchor name) says the comments start here. */
function isMarker(el: DomElement): boolean {
  const tag = el.localName.toLowerCase()
  if (tag !== 'a' && !HEADING.test(tag)) return false
  if (!markerId(el.getAttribute('id')) && !(tag === 'a' && markerId(el.getAttribute('name')))) return false
  // A link or a label of some length is navigation ("Jump to comments"), not the place itself.
  if (tag === 'a' && (el.hasAttribute('href') || (el.textContent ?? '').trim() !== '')) return false
  return true
}

/** False once an earlier cut has removed the element. */
function within(root: DomElement, el: DomElement): boolean {
  let e: DomElement | null = el
  while (e && e !== root) e = e.parentElement
  return e === root
}

function textBefore(container: DomElement, stop: DomNode): number {
  let n = 0
  for (let c = container.firstChild; c && c !== stop; c = c.nextSibling) n += (c.textContent ?? '').trim().length
  return n
}

/**
 * Blog engines of the flat kind (TypePad, Movable Type, old WordPress themes) write the post, its
 * trackbacks and every comment as sibling paragraphs of one container, with nothing but an empty
 * `<a id="comments">` or `<h2 id="comments">` where the thread begins; no class marks the
 * comments, so element pruning cannot find them. From such a marker on, the container's content is
 * dropped, provided a post precedes it. Returns how many markers cut something.
 */
export function cutAtCommentMarkers(body: DomElement): number {
  const markers: DomElement[] = []
  walkElements(body, (el) => {
    // Each marker re-reads the text before it; a page has one thread, so a few markers suffice.
    if (markers.length < MAX_MARKERS && isMarker(el)) markers.push(el)
  })
  let cuts = 0
  for (const marker of markers) {
    if (!within(body, marker)) continue
    // The block the marker belongs to: climb while it is the first thing in its parent.
    let block: DomElement = marker
    while (block.parentElement && block.parentElement !== body && textBefore(block.parentElement, block) === 0) block = block.parentElement
    const container = block.parentElement
    if (!container || textBefore(container, block) < MIN_TEXT_BEFORE) continue
    const doomed: DomNode[] = []
    for (let c: DomNode | null = block; c; c = c.nextSibling) doomed.push(c)
    for (const node of doomed) {
      if (node.nodeType === ELEMENT_NODE) (node as DomElement).remove()
      else if (node.nodeType === TEXT_NODE) node.textContent = ''
    }
    cuts++
  }
  return cuts
}
