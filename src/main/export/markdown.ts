/** The main deliverable: a chronology in Markdown whose every line is backed by a footnote. */
import { publisherName } from '../../shared/article-label'
import type { ChronologyEvent, Citation } from '../../shared/chronology'
import { MONTH_NAMES, edtfPrecision, edtfYearUnknown, humanizeEdtfString, tryParseEdtf } from '../../shared/edtf'
import { FootnoteRegistry, articleReference, footnoteText, mdUrl } from './footnotes'
import { mdInline, mdParagraphs } from './markdown-escape'
import { mdNote } from './markdown-note'
import { eventActors, resolveOptions, type ExportInput, type ResolvedOptions } from './model'
import { eventSortKey } from './select'

const INDENT = '  '

interface Section {
  year: string
  /** `YYYY-MM`, or null for events known only to the year. */
  month: string | null
}

// Events of unknown year sort last (their sort key starts 9999) under one heading of their own.
const YEAR_UNKNOWN = 'XXXX'

function sectionOf(event: ChronologyEvent): Section {
  if (edtfYearUnknown(event.date.edtf)) return { year: YEAR_UNKNOWN, month: null }
  const day = eventSortKey(event).slice(0, 10)
  const parsed = tryParseEdtf(event.date.edtf)
  const yearOnly = parsed !== null && edtfPrecision(parsed) === 'year'
  return { year: day.slice(0, 4), month: yearOnly ? null : day.slice(0, 7) }
}

function monthHeading(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${Number(month.slice(0, 4))}`
}

function refs(citations: Citation[], notes: FootnoteRegistry): string {
  return citations.map((c) => `[^${notes.label(c)}]`).join('')
}

/** "People: … · Organisations: … · Places: …" under an event that names any, else null. */
function actorsLine(event: ChronologyEvent): string | null {
  const parts = eventActors(event).map(({ label, names }) => `${label}: ${names.map(mdInline).join(', ')}`)
  return parts.length ? `*${parts.join(' · ')}*` : null
}

function eventItem(event: ChronologyEvent, o: ResolvedOptions, notes: FootnoteRegistry): string {
  const supporting = event.citations.filter((c) => c.stance === 'supports')
  const allContradicting = event.citations.filter((c) => c.stance === 'contradicts')
  const contradicting = o.bothSides ? allContradicting : []
  let head = `- **${mdInline(humanizeEdtfString(event.date.edtf))}** — ${mdInline(event.title) || 'Untitled event'}`
  if (event.status !== 'reported') head += ` *(${event.status})*`
  const blocks: string[] = []
  if (contradicting.length > 0) {
    const sides = [
      supporting.length ? `Supported by${refs(supporting, notes)}` : null,
      `${supporting.length ? 'contradicted' : 'Contradicted'} by${refs(contradicting, notes)}`
    ]
    blocks.push(`${sides.filter(Boolean).join('; ')}.`)
  } else if (supporting.length > 0) {
    head += refs(supporting, notes)
  } else {
    // Saying "no source" when contradicting sources were only left out would misreport the archive.
    head += allContradicting.length ? ' *(contradicting sources only, not shown)*' : ' *(no source cited)*'
  }
  const note = mdNote(event.note, INDENT)
  const who = actorsLine(event)
  return [head, ...(who ? [who] : []), ...note, ...blocks].join(`\n\n${INDENT}`)
}

function bibliography(notes: FootnoteRegistry): string[] {
  const seen = new Map<number, Citation>()
  for (const { citation } of notes.entries()) if (!seen.has(citation.articleId)) seen.set(citation.articleId, citation)
  const lines = [...seen.values()].map((c) => {
    const url = c.article.url?.trim() ? ` ${mdUrl(c.article.url)}` : ''
    return { sort: `${(publisherName(c.article) ?? '').toLowerCase()}\u0000${c.article.title.toLowerCase()}\u0000${String(c.articleId).padStart(12, '0')}`, line: `- ${articleReference(c.article)}.${url}` }
  })
  lines.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0))
  return lines.map((l) => l.line)
}

/** Renders the selected events as a Markdown document with Pandoc/GitHub footnotes. */
export function renderMarkdown(input: ExportInput): string {
  const o = resolveOptions(input)
  const notes = new FootnoteRegistry()
  const blocks: string[] = [`# ${mdInline(o.title)}`, ...mdParagraphs(o.preamble)]
  if (o.generatedAt) blocks.push(`*Exported ${mdInline(humanizeEdtfString(o.generatedAt))}.*`)

  let year: string | null = null
  let month: string | null = null
  let list: string[] = []
  const flush = (): void => {
    if (list.length) blocks.push(list.join('\n\n'))
    list = []
  }
  for (const event of input.events) {
    const section = sectionOf(event)
    if (o.group !== 'none' && section.year !== year) {
      flush()
      year = section.year
      month = null
      blocks.push(year === YEAR_UNKNOWN ? '## Year unknown' : `## ${Number(year)}`)
    }
    if (o.group === 'month' && section.month !== null && section.month !== month) {
      flush()
      month = section.month
      blocks.push(`### ${monthHeading(month)}`)
    }
    list.push(eventItem(event, o, notes))
  }
  flush()
  if (input.events.length === 0) blocks.push('*No events match the export options.*')

  if (o.bibliography && notes.entries().length > 0) blocks.push('## Sources', bibliography(notes).join('\n'))
  const defs = notes.entries().map(({ label, citation, notes: citationNotes }) => `[^${label}]: ${footnoteText(citation, o, citationNotes)}`)
  if (defs.length) blocks.push(defs.join('\n\n'))
  return blocks.join('\n\n') + '\n'
}
