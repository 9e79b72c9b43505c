/**
 * The Markdown readers an exported chronology meets, each reduced to the plain text a person
 * would read: Pandoc (default extensions, smart punctuation on), markdown-it with footnotes (as on
 * GitHub-like sites) and strict CommonMark (markdown-it's commonmark preset).
 */
import { spawnSync } from 'node:child_process'
import MarkdownIt from 'markdown-it'
// @ts-expect-error markdown-it-footnote ships no type declarations
import footnote from 'markdown-it-footnote'
import { hasPandoc } from './markdown-check'

export interface Reader {
  name: string
  /** Why the reader is skipped, or null when it is installed. */
  missing: string | null
  /** False for strict CommonMark, which shows footnote markers as the text they are. */
  footnotes: boolean
  html(source: string): string
}

const withFootnotes = new MarkdownIt().use(footnote)
const commonmark = new MarkdownIt('commonmark', { html: false })

function pandocHtml(source: string): string {
  const run = spawnSync('pandoc', ['-f', 'markdown', '-t', 'html', '--wrap=none'], { input: source, encoding: 'utf8' })
  if (run.status !== 0 || run.stderr) throw new Error(`pandoc failed (${run.status}): ${run.stderr}`)
  return run.stdout
}

export const READERS: Reader[] = [
  { name: 'pandoc -f markdown', missing: hasPandoc() ? null : 'pandoc is not on PATH (apt-get install -y pandoc)', footnotes: true, html: pandocHtml },
  { name: 'markdown-it + markdown-it-footnote', missing: null, footnotes: true, html: (s) => withFootnotes.render(s) },
  { name: 'commonmark (markdown-it preset)', missing: null, footnotes: false, html: (s) => commonmark.render(s) }
]

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    const char = NAMED[name]
    if (char === undefined) throw new Error(`unexpected entity ${whole}`)
    return char
  })
}

// What HTML collapses: ASCII whitespace only, so a no-break or thin space must survive as such.
const COLLAPSED = /[ \t\n\r\f]+/g

/**
 * The text of rendered HTML: footnote reference numbers and back-links removed, every run of
 * whitespace HTML collapses made one space.
 */
export function plainText(html: string): string {
  return decodeEntities(
    html
      .replace(/<sup class="footnote-ref">.*?<\/sup>/g, '')
      .replace(/<a [^>]*class="footnote-(?:ref|back|backref)"[^>]*>.*?<\/a>/g, '')
      .replace(/<\/?(?:p|li|ul|ol|h[1-6]|blockquote|pre|div|section|hr|br|aside)\b[^>]*>/g, ' ')
      .replace(/<[^>]+>/g, '')
  )
    .replace(COLLAPSED, ' ')
    .replace(/^ | $/g, '')
}

/** Whitespace made one space, as in plainText. */
export function normalizeSpace(text: string): string {
  return text.replace(COLLAPSED, ' ').replace(/^ | $/g, '')
}
