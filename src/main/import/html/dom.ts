import { parseHTML } from './linkedom'

/**
 * The slice of the DOM this extractor uses. linkedom's own typings lean on the browser `lib.dom`
 * types, which the main process does not load, so the shape is spelled out here.
 */
export interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly parentNode: DomNode | null
  readonly firstChild: DomNode | null
  readonly nextSibling: DomNode | null
  readonly childNodes: ArrayLike<DomNode>
  textContent: string | null
}

export interface DomElement extends DomNode {
  readonly tagName: string
  readonly localName: string
  readonly parentElement: DomElement | null
  readonly firstElementChild: DomElement | null
  readonly nextElementSibling: DomElement | null
  readonly children: ArrayLike<DomElement>
  readonly innerHTML: string
  closest(selector: string): DomElement | null
  matches(selector: string): boolean
  getAttribute(name: string): string | null
  /** The attribute as written (linkedom's `getAttribute('class')` builds the element's class list first). */
  getAttributeNode(name: string): { readonly value: string } | null
  hasAttribute(name: string): boolean
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  append(...nodes: DomNode[]): void
  remove(): void
}

export interface DomDocument {
  readonly documentElement: DomElement
  readonly head: DomElement | null
  readonly body: DomElement | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
}

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

/** Parses markup into an inert document: linkedom never runs scripts or loads resources. */
export function parseDocument(html: string): DomDocument {
  // linkedom builds a usable <body> only when the markup has a document shell.
  const shell = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`
  const doc = parseHTML(shell).document as unknown as DomDocument
  // Only a second <html> start tag nests a root: most pages are spared a walk looking for one.
  if (startTags(shell, 'html', 2) === 2) unnestRoot(doc)
  return doc
}

/**
 * Start tags of `name` in markup, counted up to `atMost`. The parser builds an element only
 * from a start tag, whose name ends at whitespace, `/` or `>`; tags inside comments or scripts
 * are counted too, so a count can be more than the elements built, never fewer.
 */
export function startTags(html: string, name: string, atMost: number): number {
  const tag = new RegExp(`<${name}[\\s/>]`, 'gi')
  let n = 0
  while (n < atMost && tag.exec(html)) n++
  return n
}

/**
 * Browsers ignore a repeated `<html>` start tag (its attributes join the root); linkedom nests a
 * second document inside the first, whose `<body>` then stays empty while the page's text sits in
 * the inner one. The inner head and body are moved into the outer ones.
 */
function unnestRoot(doc: DomDocument): void {
  const inner = doc.documentElement.querySelector('html')
  if (!inner || !doc.body) return
  for (let child = inner.firstElementChild; child; child = inner.firstElementChild) {
    const name = child.localName.toLowerCase()
    const target = name === 'head' ? doc.head : doc.body
    if (!target) return
    if (name === 'head' || name === 'body') {
      // One node at a time: spreading a body of 200,000 children into one call overflows the stack.
      for (let node = child.firstChild; node; node = child.firstChild) target.append(node)
      child.remove()
    } else target.append(child)
  }
  // Text directly inside the inner root (rare) goes with the body.
  for (let node = inner.firstChild; node; node = inner.firstChild) doc.body.append(node)
  inner.remove()
}

/** Visits every element below `root` in document order without recursion; return false to skip a subtree. */
export function walkElements(root: DomElement, visit: (el: DomElement, depth: number) => boolean | void): void {
  let depth = 0
  let el: DomElement | null = root.firstElementChild
  while (el) {
    const descend = visit(el, depth + 1) !== false
    if (descend && el.firstElementChild) {
      el = el.firstElementChild
      depth++
      continue
    }
    while (el && !el.nextElementSibling) {
      el = el.parentElement
      depth--
      if (el === root || depth < 0) return
    }
    el = el ? el.nextElementSibling : null
  }
}
