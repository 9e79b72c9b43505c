/**
 * Counts the elements and nesting the HTML parser (linkedom, on htmlparser2 10) would build,
 * without building anything. It follows that tokenizer's rules wherever they decide what becomes
 * an element: quoted attribute values hide tags, comments end at `-->` (or at once, `<!-->`),
 * only script, style, title, textarea and xmp hold raw text, `/>` closes an element only in SVG
 * or MathML context, `</p>` and `</br>` alone create an element. Where it approximates, it
 * errs towards more elements and deeper nesting, never fewer.
 */

/** What a scan found, or how far it got before a limit stopped it. */
export interface MarkupCount {
  elements: number
  /** Deepest nesting of open elements. */
  depth: number
}

/** Stops the scan early: called after each element, return true to stop. */
export type ScanStop = (count: MarkupCount) => boolean

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
/** Elements whose content the tokenizer reads as text: no element is built inside them. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp'])
/** SVG and MathML start a context where `/>` closes an element; integration points end it. */
const FOREIGN = new Set(['svg', 'math'])
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title'])

const P = ['p']
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']
/** Open elements that a new start tag closes first (the parser's implied end tags). */
const IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>()
for (const [opened, closed] of [
  ['tr', ['tr', 'th', 'td']],
  ['th', ['th']],
  ['td', ['thead', 'th', 'td']],
  ['body', ['head', 'link', 'script']],
  ['li', ['li']],
  ['option', ['option']],
  ['optgroup', ['optgroup', 'option']],
  ['dd', ['dd', 'dt']],
  ['dt', ['dd', 'dt']],
  ['rt', ['rt', 'rp']],
  ['rp', ['rt', 'rp']],
  ['tbody', ['thead', 'tbody']],
  ['tfoot', ['thead', 'tbody']],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM]),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t) => [t, P])
] as [string, string[]][]) {
  IMPLIES_CLOSE.set(opened, new Set(closed))
}

/**
 * An end tag closes the nearest open element of its name. Looking further than this up the
 * stack would make a flood of stray end tags quadratic; an element left open beyond it only
 * makes the count deeper than the parser's.
 */
const END_TAG_REACH = 32

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d
const isAlpha = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a
/** Where a tag name ends: whitespace, `/` or `>`. */
const endsName = (c: number): boolean => isSpace(c) || c === 0x2f || c === 0x3e

/** End of a start tag's attributes: the index of its `>` (or -1 at end of input) and whether `/>` closed it. */
function readAttributes(html: string, from: number): { end: number; selfClosing: boolean } {
  let i = from
  let slash = false
  const n = html.length
  while (i < n) {
    const c = html.charCodeAt(i)
    if (c === 0x3e) return { end: i, selfClosing: slash }
    if (c === 0x2f) {
      slash = true
      i++
      continue
    }
    if (isSpace(c)) {
      i++
      continue
    }
    slash = false
    // An attribute name, then perhaps `=` and a value.
    while (i < n && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 0x3d && html.charCodeAt(i) !== 0x3e && html.charCodeAt(i) !== 0x2f) i++
    while (i < n && isSpace(html.charCodeAt(i))) i++
    if (html.charCodeAt(i) !== 0x3d) continue
    i++
    while (i < n && isSpace(html.charCodeAt(i))) i++
    const q = html.charCodeAt(i)
    if (q === 0x22 || q === 0x27) {
      // A quoted value runs to its closing quote whatever it holds; unclosed, the tag never ends.
      const close = html.indexOf(q === 0x22 ? '"' : "'", i + 1)
      if (close < 0) return { end: -1, selfClosing: false }
      i = close + 1
    } else {
      while (i < n && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 0x3e) i++
    }
  }
  return { end: -1, selfClosing: false }
}

/** Where raw text opened by `name` ends: at `</name` in any case, followed by whitespace, `/` or `>`. */
function rawTextEnd(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2)) {
    const end = at + 2 + name.length
    if (html.slice(at + 2, end).toLowerCase() !== name) continue
    const next = html.charCodeAt(end)
    if (Number.isNaN(next) || endsName(next)) return at
  }
  return html.length
}

/** Counts what the parser would build from `html`, stopping as soon as `stop` says so. */
export function scanMarkup(html: string, stop: ScanStop = () => false): MarkupCount {
  // Names are lower-cased one at a time: lower-casing the whole page took most of the scan's time.
  const n = html.length
  const count: MarkupCount = { elements: 0, depth: 0 }
  const stack: string[] = []
  /** True where `/>` closes an element; the parser starts outside foreign content. */
  const foreign: boolean[] = [false]
  /** Records one element built at `depth` (a void element sits one below the open ones). */
  const built = (depth: number): boolean => {
    count.elements++
    if (depth > count.depth) count.depth = depth
    return stop(count)
  }
  let i = 0
  while (i < n) {
    const lt = html.indexOf('<', i)
    if (lt < 0) break
    const c = html.charCodeAt(lt + 1)
    if (c === 0x21 /* ! */) {
      if (html.startsWith('<!--', lt)) {
        if (html.charCodeAt(lt + 4) === 0x3e) i = lt + 5
        else if (html.startsWith('->', lt + 4)) i = lt + 6
        else {
          const end = html.indexOf('-->', lt + 4)
          i = end < 0 ? n : end + 3
        }
      } else {
        // A declaration (or CDATA, which runs further): skipping less only counts more.
        const end = html.indexOf('>', lt + 2)
        i = end < 0 ? n : end + 1
      }
      continue
    }
    if (c === 0x3f /* ? */) {
      const end = html.indexOf('>', lt + 2)
      i = end < 0 ? n : end + 1
      continue
    }
    if (c === 0x2f /* / */) {
      let e = lt + 2
      if (!isAlpha(html.charCodeAt(e))) {
        // `</>` is nothing, `</3…>` a bogus comment: neither builds anything.
        const end = html.indexOf('>', e)
        i = end < 0 ? n : end + 1
        continue
      }
      while (e < n && !endsName(html.charCodeAt(e))) e++
      const name = html.slice(lt + 2, e).toLowerCase()
      const gt = html.indexOf('>', e)
      if (gt < 0) break
      i = gt + 1
      if ((FOREIGN.has(name) || INTEGRATION.has(name)) && foreign.length > 0) foreign.pop()
      if (VOID.has(name)) {
        // `</br>` is read as `<br>`.
        if (name === 'br' && built(stack.length + 1)) return count
        continue
      }
      let at = stack.length - 1
      while (at >= 0 && at >= stack.length - END_TAG_REACH && stack[at] !== name) at--
      if (at >= 0 && stack[at] === name) stack.length = at
      // `</p>` without an open <p> is read as `<p></p>`.
      else if (name === 'p' && built(stack.length + 1)) return count
      continue
    }
    if (!isAlpha(c)) {
      i = lt + 1
      continue
    }
    let e = lt + 2
    while (e < n && !endsName(html.charCodeAt(e))) e++
    const name = html.slice(lt + 1, e).toLowerCase()
    const { end, selfClosing } = readAttributes(html, e)
    // A tag cut off by the end of the input builds nothing.
    if (end < 0) break
    i = end + 1
    const closes = IMPLIES_CLOSE.get(name)
    if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1]!)) stack.pop()
    if (!VOID.has(name)) {
      stack.push(name)
      if (FOREIGN.has(name)) foreign.push(true)
      else if (INTEGRATION.has(name)) foreign.push(false)
    }
    if (built(VOID.has(name) ? stack.length + 1 : stack.length)) return count
    if (selfClosing) {
      if (foreign[foreign.length - 1] === true && stack[stack.length - 1] === name) stack.pop()
      // `<script/>` never starts raw text, even where the slash is ignored.
      continue
    }
    if (RAW_TEXT.has(name)) i = rawTextEnd(html, name, i)
  }
  return count
}
