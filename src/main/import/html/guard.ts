import { ImportError } from '../errors'
import { walkElements, type DomDocument } from './dom'

/** Limits that keep one pathological page from stalling an import; real articles stay far below them. */
export const HTML_LIMITS = {
  /** Characters of markup. */
  maxChars: 24 * 1024 * 1024,
  /** Start tags counted before parsing. */
  maxElements: 200_000,
  /** Element nesting; the DOM builder slows down quadratically and Readability recurses on it. */
  maxDepth: 1_000
} as const

export type HtmlLimits = { [K in keyof typeof HTML_LIMITS]: number }

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'command', 'basefont', 'frame', 'isindex'])
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'plaintext'])
/** Tags the parser closes implicitly when a sibling of the same kind opens. */
const SELF_SIBLING = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'optgroup', 'thead', 'tbody', 'tfoot'])
/** Opening one of these closes an open <p>, as HTML parsers do. */
const CLOSES_P = new Set(['p', 'div', 'ul', 'ol', 'dl', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'aside', 'header', 'footer', 'nav', 'form', 'blockquote', 'pre', 'figure', 'main', 'address', 'hr', 'fieldset'])

// Attributes stop at the next '<' as well as '>', so an unclosed tag costs a scan to the next tag,
// never to the end of the file: the whole scan stays linear.
const TAG = /<(\/?)([a-zA-Z][^\s/<>]*)[^<>]*>|<!--[\s\S]*?(?:-->|$)/g

/**
 * Rejects markup too big or too deeply nested to parse, by scanning its tags without building a
 * DOM: a million elements or a hundred thousand nested ones fail in milliseconds, not minutes.
 * Raw-text elements (scripts, styles) and comments are skipped, not counted.
 */
export function checkMarkup(html: string, fileName: string, limits: HtmlLimits = HTML_LIMITS): void {
  if (html.length > limits.maxChars) {
    throw new ImportError('too-large', `${fileName}: ${html.length} characters of HTML; the limit is ${limits.maxChars}`)
  }
  const lower = html.toLowerCase()
  const stack: string[] = []
  let count = 0
  TAG.lastIndex = 0
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    if (m[2] === undefined) continue
    const name = m[2].toLowerCase()
    if (m[1] === '/') {
      // A stray end tag closes nothing; look only a little way up, as parsers recover locally.
      const at = stack.lastIndexOf(name, stack.length - 1)
      if (at >= 0 && stack.length - at <= 32) stack.length = at
      continue
    }
    if (++count > limits.maxElements) {
      throw new ImportError('too-large', `${fileName}: more than ${limits.maxElements} HTML elements`)
    }
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, TAG.lastIndex)
      TAG.lastIndex = end < 0 ? html.length : end
      continue
    }
    if (VOID.has(name) || m[0].endsWith('/>')) continue
    const top = stack[stack.length - 1]
    if (top !== undefined && ((SELF_SIBLING.has(name) && top === name) || (top === 'p' && CLOSES_P.has(name)))) stack.pop()
    stack.push(name)
    if (stack.length > limits.maxDepth) {
      throw new ImportError('parse-failed', `${fileName}: HTML nested more than ${limits.maxDepth} levels deep`)
    }
  }
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
