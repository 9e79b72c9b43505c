import type { Token } from 'markdown-it'
import { markdownIt } from '../../text/markdown-it'
import { lazyValue } from '../../platform/lazy-require'
import type { ArticleMeta, AnalysedArticle, AnalyseOptions } from '../text/analyse'
import { foldWhitespace, normaliseText } from '../text/normalise'
import type { TextBlock } from '../text/blocks'
import { parseWrittenDate, toPublished } from '../text/published'
import { readFrontMatter, type FrontMatter } from './frontmatter'
import { analyseBlocks } from './text'

const md = lazyValue(() => new (markdownIt())({ html: true, linkify: false, typographer: false }))

function inlineText(tokens: readonly Token[] | null): string {
  let out = ''
  for (const t of tokens ?? []) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += ' '
    else if (t.type === 'html_inline' && /^<br\s*\/?>$/i.test(t.content)) out += ' '
    // Images are dropped; links keep their text; emphasis markers and inline HTML tags vanish.
  }
  return foldWhitespace(out)
}

/** Paragraph texts of a Markdown document, markup stripped; code blocks kept as text. */
export function markdownBlocks(source: string): string[] {
  const tokens = md().parse(source, {})
  const blocks: string[] = []
  let row: string[] | null = null
  for (const t of tokens) {
    if (t.type === 'inline') {
      const text = inlineText(t.children)
      if (row !== null) row.push(text)
      else if (text.length > 0) blocks.push(text)
    } else if (t.type === 'fence' || t.type === 'code_block') {
      // Line breaks stay, but no blank line: a blank line separates paragraphs in the clean text.
      const code = t.content
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l.length > 0)
        .join('\n')
        .trim()
      if (code.length > 0) blocks.push(code)
    } else if (t.type === 'html_block') {
      const text = foldWhitespace(t.content.replace(/<!--[^]*?-->/g, ' ').replace(/<[^>]+>/g, ' '))
      if (text.length > 0) blocks.push(text)
    } else if (t.type === 'tr_open') {
      row = []
    } else if (t.type === 'tr_close' && row !== null) {
      const text = row.filter(Boolean).join(' | ')
      if (text.length > 0) blocks.push(text)
      row = null
    }
  }
  return blocks
}

const pick = (fm: FrontMatter, ...keys: string[]): string | null => {
  for (const k of keys) {
    const v = fm.fields.get(k)
    if (v !== undefined && v.trim() !== '') return foldWhitespace(v)
  }
  return null
}

const isUrl = (s: string | null): boolean => s !== null && /^https?:\/\//i.test(s)

/** Article metadata from Markdown front matter (title, date, author, source, url, dek, lang). */
export function frontMatterMeta(fm: FrontMatter): ArticleMeta {
  const source = pick(fm, 'source', 'outlet', 'publisher', 'site', 'site_name', 'publication')
  const dateRaw = pick(fm, 'date', 'published', 'pubdate', 'published_at', 'publishdate', 'date_published', 'datepublished')
  const date = dateRaw === null ? null : parseWrittenDate(dateRaw)
  const lang = pick(fm, 'lang', 'language', 'locale')
  return {
    title: pick(fm, 'title', 'headline'),
    dek: pick(fm, 'dek', 'subtitle', 'subheadline', 'standfirst', 'description', 'summary', 'excerpt'),
    author: pick(fm, 'author', 'authors', 'byline', 'by', 'creator'),
    outlet: isUrl(source) ? null : source,
    url: pick(fm, 'url', 'link', 'canonical', 'canonical_url', 'source_url', 'original_url') ?? (isUrl(source) ? source : null),
    published: date === null ? null : toPublished(date, 'meta'),
    language: lang === null ? null : (/^([a-z]{2})(?:[-_]|$)/i.exec(lang)?.[1]?.toLowerCase() ?? null)
  }
}

/** A Markdown file: front matter for metadata, the body stripped to clean paragraphs. */
export function parseMarkdown(text: string, fileName: string, options: AnalyseOptions = {}): AnalysedArticle {
  const fm = readFrontMatter(normaliseText(text))
  const meta = frontMatterMeta(fm)
  const blocks: TextBlock[] = markdownBlocks(fm.body).map((t) => ({ text: t, page: null }))
  return analyseBlocks(blocks, fileName, { ...options, meta: { ...meta, ...options.meta } })
}
