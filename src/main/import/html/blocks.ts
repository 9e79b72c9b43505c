import { ASCII_WORDS } from '../../../shared/tokens'
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom'

/** Elements whose boundaries end a paragraph of clean text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br'
])
/** Table cells stay on one line, separated by a space; rows and other blocks make paragraphs. */
const CELL = new Set(['td', 'th'])
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'title', 'button', 'select', 'option', 'textarea'])

export interface TextBlock {
  text: string
  /** Tag of the nearest block element the text sits in (`p`, `h2`, `li`, ...). */
  tag: string
  /** Share of the text (0..1) that sits inside links. */
  linkDensity: number
  /** True when a `<br>` ended the block, so the next block is the same paragraph's next line. */
  endsAtBreak?: boolean
}

/** Stands in for a blank line inside <pre> until the block is split into paragraphs. */
const PRE_BREAK = '\u2029'

function fold(s: string): string {
  return s.replace(/[\s\u200b]+/g, ' ').trim()
}

/**
 * Flattens an element into paragraphs of text: every block boundary or `<br>` ends a paragraph,
 * inline markup is joined into running text. Iterative, so nesting depth cannot overflow the stack.
 */
export function textBlocks(root: DomElement): TextBlock[] {
  const out: TextBlock[] = []
  let buffer = ''
  let linked = ''
  let inLink = 0
  const tags: string[] = [root.localName?.toLowerCase() ?? 'div']
  let inPre = 0
  const flush = (atBreak = false): void => {
    // Every block boundary flushes, most with nothing gathered but the markup's line breaks.
    const folded = fold(buffer)
    if (folded === '') {
      buffer = linked = ''
      return
    }
    const linkDensity = linked === '' ? 0 : Math.min(1, fold(linked).length / folded.length)
    // Outside <pre> the buffer is one part, folded already.
    for (const part of buffer.includes(PRE_BREAK) ? buffer.split(PRE_BREAK) : [buffer]) {
      const text = part === buffer ? folded : fold(part)
      if (text !== '') out.push({ text, tag: tags[tags.length - 1] ?? 'div', linkDensity, ...(atBreak ? { endsAtBreak: true } : {}) })
    }
    buffer = ''
    linked = ''
  }
  let node: DomNode | null = root.firstChild
  const open: { el: DomNode; block: boolean }[] = []
  while (node) {
    let descend = false
    if (node.nodeType === TEXT_NODE) {
      // Preformatted text (a plain-text article saved as a page) keeps its blank-line paragraphs.
      const text = inPre > 0 ? (node.textContent ?? '').replace(/\n[ \t]*\n\s*/g, PRE_BREAK) : (node.textContent ?? '')
      buffer += text
      if (inLink > 0) linked += text
    } else if (node.nodeType === ELEMENT_NODE) {
      const name = (node as DomElement).localName.toLowerCase()
      if (!SKIP.has(name)) {
        const block = BLOCK.has(name) && !CELL.has(name)
        if (block) flush(name === 'br')
        if (CELL.has(name)) buffer += ' '
        if (name !== 'br' && name !== 'hr' && node.firstChild) {
          open.push({ el: node, block })
          if (block) tags.push(name)
          if (name === 'a') inLink++
          if (name === 'pre') inPre++
          descend = true
        }
      }
    }
    if (descend) {
      node = node.firstChild
      continue
    }
    while (node && !node.nextSibling) {
      const top = open.pop()
      if (!top) {
        node = null
        break
      }
      const topName = (top.el as DomElement).localName.toLowerCase()
      if (topName === 'a') inLink--
      if (topName === 'pre') inPre--
      if (top.block) {
        flush()
        tags.pop()
      } else if (CELL.has(topName)) buffer += ' '
      node = top.el
    }
    node = node ? node.nextSibling : null
  }
  flush()
  return out
}

/** The words of a text, lower-cased and single-spaced, for comparisons that ignore punctuation. */
export function wordKey(text: string): string {
  // Text of ASCII words (most pages' paragraphs) has the same words by an ASCII regex.
  const words = ASCII_WORDS.test(text) ? text.match(/[A-Za-z0-9]+/g) : text.match(/[\p{L}\p{N}]+/gu)
  return (words ?? []).join(' ').toLowerCase()
}

/** True when two texts have the same words, ignoring case, punctuation and spacing. */
export function sameWords(a: string, b: string): boolean {
  return wordKey(a) === wordKey(b)
}
