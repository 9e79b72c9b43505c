import MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { createElement, type ReactNode } from 'react'

/**
 * Markdown as the user wrote it in a note, rendered to React elements from markdown-it's tokens:
 * never an HTML string. Raw HTML stays text (`html: false`), images are not loaded (the app
 * fetches nothing), links go anywhere only if http(s), and a single line break is kept.
 */
const md = new MarkdownIt('default', { html: false, breaks: true, linkify: false, typographer: false })
md.disable(['image'])
md.validateLink = (url) => /^https?:\/\//i.test(url.trim())

/** Tags a note may produce; any other token is shown as its text. */
const TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'em', 'strong', 's', 'table', 'thead', 'tbody', 'tr', 'th', 'td'])

interface Frame {
  token: Token | null
  children: ReactNode[]
}

function close(frame: Frame, key: number, onLink: (url: string) => void): ReactNode {
  const t = frame.token!
  // Paragraphs inside tight lists are hidden: their text sits in the item itself.
  if (t.hidden) return frame.children
  if (t.tag === 'a') {
    const href = String(t.attrGet('href') ?? '')
    return (
      <a
        key={key}
        href={href}
        title={href}
        onClick={(e) => {
          e.preventDefault()
          onLink(href)
        }}
      >
        {frame.children}
      </a>
    )
  }
  return TAGS.has(t.tag) ? createElement(t.tag, { key }, ...frame.children) : frame.children
}

function render(tokens: readonly Token[], onLink: (url: string) => void): ReactNode[] {
  const stack: Frame[] = [{ token: null, children: [] }]
  let key = 0
  for (const t of tokens) {
    const top = stack[stack.length - 1]!
    if (t.type === 'inline') top.children.push(...render(t.children ?? [], onLink))
    else if (t.nesting === 1) stack.push({ token: t, children: [] })
    else if (t.nesting === -1 && stack.length > 1) {
      const done = stack.pop()!
      stack[stack.length - 1]!.children.push(close(done, key++, onLink))
    } else if (t.type === 'softbreak' || t.type === 'hardbreak') top.children.push(<br key={key++} />)
    else if (t.type === 'code_inline') top.children.push(<code key={key++}>{t.content}</code>)
    else if (t.type === 'code_block' || t.type === 'fence') top.children.push(<pre key={key++}><code>{t.content}</code></pre>)
    else if (t.type === 'hr') top.children.push(<hr key={key++} />)
    else top.children.push(t.content)
  }
  // Unclosed frames (none from markdown-it, but never lose text): flatten them.
  while (stack.length > 1) {
    const done = stack.pop()!
    stack[stack.length - 1]!.children.push(...done.children)
  }
  return stack[0]!.children
}

export function Markdown({ text, onLink, className }: { text: string; onLink(url: string): void; className?: string }): React.JSX.Element {
  return <div className={className}>{render(md.parse(text, {}), onLink)}</div>
}
