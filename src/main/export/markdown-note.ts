/**
 * Event notes are Markdown. They are parsed (CommonMark, raw HTML off) and written back as a
 * canonical subset every reader agrees on: paragraphs, line breaks, emphasis, code, links (images
 * become links), lists, block quotes and fenced code. Text runs go through the same escaping as
 * titles, so Pandoc's extensions and smart punctuation cannot fire, and nothing a note holds can
 * open a heading, footnote, table or HTML in the document around it.
 */
import type { Token } from 'markdown-it'
import { markdownIt } from '../text/markdown-it'
import { lazyValue } from '../platform/lazy-require'
import { escapeChars, escapeLineStart, stripControls } from './markdown-escape'

// `breaks`: a line break typed in a note is a line break, as the app's editor shows it.
const parser = lazyValue(() => new (markdownIt())('commonmark', { html: false, breaks: true }))

// markdown-it refuses these schemes in links, but lets data: images through; here they stay text.
const UNSAFE = /^(javascript|vbscript|file|data):/i

/** A hard line break every reader knows (CommonMark, Pandoc's `escaped_line_breaks`). */
const HARD_BREAK = '\\\n'

function longestRun(text: string, char: string): number {
  let longest = 0
  for (const run of text.match(new RegExp(`${char}+`, 'g')) ?? []) longest = Math.max(longest, run.length)
  return longest
}

function codeSpan(content: string): string {
  const fence = '`'.repeat(longestRun(content, '`') + 1)
  // Readers strip one space at each end; the padding keeps a leading or trailing backtick apart.
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${content}${pad}${fence}`
}

function href(token: Token, attr = 'href'): string | null {
  const url = String(token.attrGet(attr) ?? '')
  // Parentheses would end the destination early in some readers; markdown-it already
  // percent-encoded spaces, angle brackets, quotes and backslashes.
  return url && !UNSAFE.test(url) ? url.replace(/\(/g, '%28').replace(/\)/g, '%29') : null
}

/** Appends a link's `[`, escaping a `!` before it, which would make the link an image. */
function openLink(out: string): string {
  return out.endsWith('!') ? `${out.slice(0, -1)}\\![` : `${out}[`
}

function inlineMarkdown(tokens: readonly Token[]): string {
  let out = ''
  const links: (string | null)[] = []
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'text_special':
        out += escapeChars(t.content)
        break
      case 'softbreak':
      case 'hardbreak':
        out += HARD_BREAK
        break
      // Asterisks: Pandoc refuses `_` after punctuation (`a._b_`), where CommonMark takes it.
      case 'em_open':
      case 'em_close':
        out += '*'
        break
      case 'strong_open':
      case 'strong_close':
        out += '**'
        break
      case 'code_inline':
        // Pandoc drops the spaces at the edges of a code span; every reader gets it without them.
        if (t.content.trim()) out += codeSpan(t.content.trim())
        break
      case 'link_open': {
        const url = href(t)
        links.push(url)
        if (url) out = openLink(out)
        break
      }
      case 'link_close': {
        const url = links.pop()
        if (url) out += `](${url})`
        break
      }
      case 'image': {
        // The document carries no images: a link to it, described as it was, stands in for one.
        const url = href(t, 'src')
        out = url ? `${openLink(out)}${inlineMarkdown(t.children ?? [])}](${url})` : out + inlineMarkdown(t.children ?? [])
        break
      }
      default:
        out += escapeChars(t.content)
    }
  }
  return out
}

/** Inline content as lines: trailing breaks dropped, every line start made inert. */
function inlineLines(tokens: readonly Token[]): string[] {
  const text = inlineMarkdown(tokens).replace(/(\\\n)+$/, '')
  if (/^[ \t]*$/.test(text)) return []
  // Readers strip ASCII spaces at line edges and keep the others (no-break, thin), as CommonMark does.
  return text.split('\n').map((line) => escapeLineStart(line.replace(/^[ \t]+|[ \t]+$/g, '')))
}

/** Index of the token closing the one opened at `open`. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting
    if (depth === 0) return i
  }
  return tokens.length - 1
}

function indentLines(lines: string[], first: string, rest: string): string[] {
  return lines.map((line, i) => (i === 0 ? first + line : line === '' ? '' : rest + line))
}

function listItems(tokens: readonly Token[], open: number, close: number): string[][] {
  const items: string[][] = []
  for (let i = open + 1; i < close; i++) {
    if (tokens[i]!.type !== 'list_item_open') continue
    const end = closing(tokens, i)
    items.push(blockLines(tokens, i + 1, end))
    i = end
  }
  return items
}

/** Blocks between `start` and `end` as Markdown lines, blocks separated by a blank line. */
function blockLines(tokens: readonly Token[], start: number, end: number): string[] {
  const blocks: string[][] = []
  for (let i = start; i < end; i++) {
    const t = tokens[i]!
    const close = t.nesting === 1 ? closing(tokens, i) : i
    if (t.type === 'paragraph_open') {
      const lines = inlineLines(tokens[i + 1]!.children ?? [])
      if (lines.length) blocks.push(lines)
    } else if (t.type === 'heading_open') {
      // A note cannot add a section to the document: its heading becomes a paragraph (not a
      // strong one: `**` would pair with emphasis inside it).
      const lines = inlineLines(tokens[i + 1]!.children ?? [])
      if (lines.length) blocks.push(lines)
    } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      const first = Number(t.attrGet('start') ?? 1)
      const items = listItems(tokens, i, close).filter((lines) => lines.length > 0)
      const lines: string[] = []
      items.forEach((item, n) => {
        const marker = t.type === 'bullet_list_open' ? '- ' : `${first + n}. `
        if (n > 0) lines.push('')
        lines.push(...indentLines(item, marker, ' '.repeat(marker.length)))
      })
      if (lines.length) blocks.push(lines)
    } else if (t.type === 'blockquote_open') {
      const inner = blockLines(tokens, i + 1, close)
      if (inner.length) blocks.push(inner.map((line) => (line === '' ? '>' : `> ${line}`)))
    } else if (t.type === 'fence' || t.type === 'code_block') {
      const content = t.content.replace(/\n$/, '')
      const fence = '`'.repeat(Math.max(3, longestRun(content, '`') + 1))
      if (!/^[ \t\n]*$/.test(content)) blocks.push([fence, ...content.split('\n'), fence])
    }
    // Thematic breaks are dropped: inside an event they would read as the end of a section.
    i = close
  }
  return blocks.flatMap((lines, k) => (k === 0 ? lines : ['', ...lines]))
}

/** A note as Markdown lines, ready to be indented into the list item or footnote it sits in. */
export function noteMarkdownLines(note: string): string[] {
  const tokens = parser().parse(stripControls(note), {})
  return blockLines(tokens, 0, tokens.length)
}

/**
 * A note as block Markdown placed under a list item: empty, or one string whose lines after the
 * first are indented by `indent` (blank lines stay empty).
 */
export function mdNote(note: string, indent = ''): string[] {
  const lines = noteMarkdownLines(note)
  return lines.length ? [indentLines(lines, '', indent).join('\n')] : []
}

const html = lazyValue(() => new (markdownIt())('commonmark', { html: false, xhtmlOut: false }))

/** A note as HTML for readers that take HTML (TimelineJS), made from the same sanitized Markdown. */
export function noteHtml(note: string): string {
  return html().render(noteMarkdownLines(note).join('\n')).trim()
}
