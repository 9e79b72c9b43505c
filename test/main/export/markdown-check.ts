import { spawnSync } from 'node:child_process'
import MarkdownIt from 'markdown-it'
// @ts-expect-error markdown-it-footnote ships no type declarations
import footnote from 'markdown-it-footnote'

const md = new MarkdownIt({ html: true }).use(footnote)
type Token = ReturnType<typeof md.parse>[number]

export interface MdStructure {
  headings: Record<string, number>
  /** Text of each heading, escapes resolved. */
  headingTexts: string[]
  /** Items of top-level bullet lists (events and bibliography entries). */
  listItems: number
  /** Footnote definitions markdown-it recognised. */
  footnoteDefs: number
  /** Footnote references markdown-it resolved to a definition. */
  footnoteRefs: number
  /** Definitions without references, references without definitions, duplicates. */
  problems: string[]
  /** Token types that user text must never produce. */
  forbidden: string[]
}

const FORBIDDEN = new Set([
  'html_block',
  'html_inline',
  'code_block',
  'fence',
  'code_inline',
  'table_open',
  'blockquote_open',
  'hr',
  'ordered_list_open',
  'image',
  's_open'
])

function walk(tokens: Token[], visit: (t: Token, depth: number) => void, depth = 0): void {
  for (const t of tokens) {
    visit(t, depth)
    if (t.children) walk(t.children, visit, depth + 1)
  }
}

/**
 * Parses with markdown-it + markdown-it-footnote and reports the document's structure; `counts`
 * has every token type, so emphasis and links can be compared with what the exporter writes.
 */
export function mdStructure(source: string): MdStructure & { counts: Record<string, number> } {
  const env: Record<string, unknown> = {}
  const tokens = md.parse(source, env)
  const headings: Record<string, number> = {}
  const headingTexts: string[] = []
  const counts: Record<string, number> = {}
  const defLabels: string[] = []
  const refCounts = new Map<string, number>()
  let listItems = 0
  let listDepth = 0
  let inHeading = false
  walk(tokens, (t) => {
    counts[t.type] = (counts[t.type] ?? 0) + 1
    if (t.type === 'heading_open') {
      headings[t.tag] = (headings[t.tag] ?? 0) + 1
      inHeading = true
    }
    if (t.type === 'heading_close') inHeading = false
    if (inHeading && t.type === 'inline') headingTexts.push((t.children ?? []).map((c) => c.content).join(''))
    // Lists in a note are nested in its event's item: only the outermost bullet list counts.
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') listDepth++
    if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') listDepth--
    if (t.type === 'list_item_open' && listDepth === 1 && t.markup !== '.' && t.markup !== ')') listItems++
    if (t.type === 'footnote_open') defLabels.push(String((t.meta as { label: string }).label))
    if (t.type === 'footnote_ref') {
      const label = String((t.meta as { label: string }).label)
      refCounts.set(label, (refCounts.get(label) ?? 0) + 1)
    }
  })
  const problems: string[] = []
  const seen = new Set<string>()
  for (const label of defLabels) {
    if (seen.has(label)) problems.push(`footnote ${label} defined twice`)
    seen.add(label)
    if (!refCounts.has(label)) problems.push(`footnote ${label} defined but never referenced`)
  }
  for (const label of refCounts.keys()) if (!seen.has(label)) problems.push(`footnote ${label} referenced but not defined`)
  // Definitions markdown-it did not recognise would leave `[^n]:` lines in the source unparsed.
  // Lines as CommonMark splits them: a JavaScript /m anchor would also start one after U+2028.
  const sourceDefs = source.split(/\r\n|\r|\n/).filter((line) => /^\[\^[^\]\s]+\]:/.test(line)).length
  if (sourceDefs !== defLabels.length) problems.push(`${sourceDefs} definitions written, ${defLabels.length} parsed`)
  const forbidden = Object.keys(counts).filter((type) => FORBIDDEN.has(type))
  return {
    headings,
    headingTexts,
    listItems,
    footnoteDefs: defLabels.length,
    footnoteRefs: [...refCounts.values()].reduce((a, b) => a + b, 0),
    problems,
    forbidden,
    counts
  }
}

/** True when Debian's pandoc is on PATH. */
export function hasPandoc(): boolean {
  return spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).status === 0
}

export interface PandocResult {
  stderr: string
  headers: number
  notes: number
  bulletItems: number
  status: number | null
}

function countAst(node: unknown, acc: { headers: number; notes: number; bulletItems: number }, topLevel: boolean): void {
  if (Array.isArray(node)) {
    for (const n of node) countAst(n, acc, topLevel)
    return
  }
  if (!node || typeof node !== 'object') return
  const { t, c } = node as { t?: string; c?: unknown }
  if (t === 'Header') acc.headers++
  if (t === 'Note') acc.notes++
  if (t === 'BulletList' && topLevel && Array.isArray(c)) acc.bulletItems += c.length
  countAst(c, acc, false)
}

/**
 * Runs pandoc from `from` (Pandoc's own Markdown by default; `gfm+footnotes` stands in for GitHub)
 * to HTML, for warnings, and to its JSON AST, for structure.
 */
export function runPandoc(source: string, from = 'markdown'): PandocResult {
  const html = spawnSync('pandoc', ['-f', from, '-t', 'html'], { input: source, encoding: 'utf8' })
  const json = spawnSync('pandoc', ['-f', from, '-t', 'json'], { input: source, encoding: 'utf8' })
  const acc = { headers: 0, notes: 0, bulletItems: 0 }
  if (json.status === 0) {
    const ast = JSON.parse(json.stdout) as { blocks: unknown[] }
    for (const block of ast.blocks) countAst(block, acc, true)
  }
  return { stderr: html.stderr + json.stderr, status: html.status ?? json.status, ...acc }
}
