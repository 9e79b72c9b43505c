import { ImportError } from '../errors'
import { walkElements, type DomDocument } from './dom'
import { scanMarkup } from './scan'

/** Limits that keep one pathological page from stalling an import; real articles stay far below them. */
export const HTML_LIMITS = {
  /** Characters of markup. */
  maxChars: 24 * 1024 * 1024,
  /** Elements the parser would build, counted before parsing. */
  maxElements: 200_000,
  /** Element nesting; the DOM builder slows down quadratically and Readability recurses on it. */
  maxDepth: 1_000,
  /**
   * Character references (`&amp;`, `&#1040;`): the parser builds a text piece for each, so two
   * million of them in 10 MB took 5 s and 625 MB before any extraction. A page that writes every
   * letter of a long Cyrillic article as `&#…;` stays under this.
   */
  maxCharRefs: 300_000
} as const

export type HtmlLimits = { [K in keyof typeof HTML_LIMITS]: number }

/**
 * Rejects markup too big or too deeply nested to parse, by counting what the parser would build
 * (scan.ts) without building it: a million elements, even inside `<noscript>` or `<iframe>`, or
 * 150,000 nested `<div/>`, fail in milliseconds on their counts, never on the time limit.
 */
export function checkMarkup(html: string, fileName: string, limits: HtmlLimits = HTML_LIMITS): void {
  if (html.length > limits.maxChars) {
    throw new ImportError('too-large', `${fileName}: ${html.length} characters of HTML; the limit is ${limits.maxChars}`)
  }
  const refs = countCharRefs(html, limits.maxCharRefs)
  if (refs > limits.maxCharRefs) {
    throw new ImportError('too-large', `${fileName}: more than ${limits.maxCharRefs} character references (&…;) in its HTML`)
  }
  const count = scanMarkup(html, (c) => c.elements > limits.maxElements || c.depth > limits.maxDepth)
  if (count.elements > limits.maxElements) {
    throw new ImportError('too-large', `${fileName}: more than ${limits.maxElements} HTML elements`)
  }
  if (count.depth > limits.maxDepth) {
    throw new ImportError('parse-failed', `${fileName}: HTML nested more than ${limits.maxDepth} levels deep`)
  }
}

/** Character references in markup, counted up to one past `limit` (raw text too: it errs towards more). */
function countCharRefs(html: string, limit: number): number {
  let n = 0
  for (let i = html.indexOf('&'); i !== -1 && n <= limit; i = html.indexOf('&', i + 1)) {
    const next = html.charCodeAt(i + 1)
    // '#' or an ASCII letter starts a reference; a bare '&' is text.
    if (next === 35 || (next >= 65 && next <= 90) || (next >= 97 && next <= 122)) n++
  }
  return n
}

/** Rejects a parsed document nested deeper than the extractor can safely recurse (a backstop to the scan). */
export function checkDepth(doc: DomDocument, fileName: string, limits: HtmlLimits = HTML_LIMITS): void {
  let deepest = 0
  walkElements(doc.documentElement, (_el, depth) => {
    if (depth > deepest) deepest = depth
    return depth <= limits.maxDepth
  })
  if (deepest > limits.maxDepth) {
    throw new ImportError('parse-failed', `${fileName}: HTML nested more than ${limits.maxDepth} levels deep`)
  }
}
