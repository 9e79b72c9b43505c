/**
 * TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html): a title slide and one
 * slide per event. Headline and text are HTML in TimelineJS, so all user text is HTML-escaped,
 * except event notes, which are Markdown and become the same sanitized HTML they read as.
 */
import { publisherName } from '../../shared/article-label'
import type { ChronologyEvent, Citation } from '../../shared/chronology'
import { edtfYearUnknown, humanizeEdtfString, tryParseEdtf, type EdtfDate } from '../../shared/edtf'
import { captureClause } from '../../shared/capture'
import { AnnalistError } from '../../shared/errors'
import { annalistLink, locator } from './footnotes'
import { noteHtml } from './markdown-note'
import { eventActors, exportedCitations, resolveOptions, type ExportInput, type ResolvedOptions } from './model'

/** A TimelineJS date object; month, day and time only as precise as the EDTF date. */
export interface TimelineDate {
  year: number
  month?: number
  day?: number
  hour?: number
  minute?: number
  second?: number
}

export interface TimelineSlide {
  start_date?: TimelineDate
  end_date?: TimelineDate
  display_date?: string
  text: { headline: string; text: string }
  group?: string
  unique_id?: string
}

export interface TimelineJson {
  title: TimelineSlide
  events: TimelineSlide[]
}

/** Escapes text for an HTML text node or attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function paragraphsHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('')
}

function fromEdtf(d: EdtfDate): TimelineDate {
  const out: TimelineDate = { year: d.year }
  if (d.month !== null) out.month = d.month
  if (d.day !== null) out.day = d.day
  if (d.time) {
    out.hour = d.time.hour
    out.minute = d.time.minute
    if (d.time.second !== null) out.second = d.time.second
  }
  return out
}

function fromDay(day: string): TimelineDate {
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) }
}

/** Start and (for spans) end dates of an event, from its EDTF, else from its stored day bounds. */
export function timelineDates(event: ChronologyEvent): { start_date: TimelineDate; end_date?: TimelineDate } {
  const parsed = tryParseEdtf(event.date.edtf)
  if (parsed?.type === 'date') return { start_date: fromEdtf(parsed) }
  if (parsed?.type === 'interval') {
    const { start, end } = parsed
    if (start.type === 'date' && end.type === 'date') return { start_date: fromEdtf(start), end_date: fromEdtf(end) }
    if (start.type === 'date') return { start_date: fromEdtf(start) }
    if (end.type === 'date') return { start_date: fromEdtf(end) }
  }
  const start_date = fromDay(event.date.earliest)
  return event.date.latest === event.date.earliest ? { start_date } : { start_date, end_date: fromDay(event.date.latest) }
}

function sourceHtml(c: Citation, o: ResolvedOptions): string {
  const a = c.article
  const where = locator(c)
  const publisher = publisherName(a)
  const parts = [
    publisher ? escapeHtml(publisher) : null,
    `“${escapeHtml(a.title)}”`,
    a.byline ? escapeHtml(a.byline) : null,
    a.published ? escapeHtml(humanizeEdtfString(a.published.edtf)) : 'undated',
    where
  ].filter((p): p is string => p !== null)
  let html = parts.join(', ')
  if (o.quotes) html += `: <q>${escapeHtml(c.anchor.exact)}</q>`
  if (c.orphaned) html += ' (the passage can no longer be found in the archived text)'
  if (a.url && a.url !== a.capture?.url) html += ` ${escapeHtml(a.url)}`
  const capture = a.capture ? captureClause(a.capture) : null
  if (capture) html += ` (${escapeHtml(capture)})`
  // DOMPurify in TimelineJS drops unknown URL schemes from href, so the app link stays text.
  if (o.links) html += ` ${annalistLink(c)}`
  return `<li>${html}</li>`
}

function sourcesHtml(label: string, citations: Citation[], o: ResolvedOptions): string {
  return citations.length ? `<p>${label}</p><ol>${citations.map((c) => sourceHtml(c, o)).join('')}</ol>` : ''
}

function slide(event: ChronologyEvent, o: ResolvedOptions): TimelineSlide {
  const citations = exportedCitations(event, o)
  const contradicting = citations.filter((c) => c.stance === 'contradicts')
  const supporting = citations.filter((c) => c.stance === 'supports')
  let text = noteHtml(event.note)
  const actors = eventActors(event)
  if (actors.length) text += `<p>${actors.map(({ label, names }) => `${label}: ${names.map(escapeHtml).join(', ')}`).join('<br>')}</p>`
  if (event.status !== 'reported') text += `<p>Status: ${event.status}</p>`
  if (contradicting.length) text += sourcesHtml('Supported by:', supporting, o) + sourcesHtml('Contradicted by:', contradicting, o)
  else if (supporting.length) text += sourcesHtml('Sources:', supporting, o)
  else text += event.citations.length ? '<p>Contradicting sources only, not shown.</p>' : '<p>No source cited.</p>'
  return {
    ...timelineDates(event),
    display_date: humanizeEdtfString(event.date.edtf),
    text: { headline: escapeHtml(event.title.trim() || 'Untitled event'), text },
    group: event.status.charAt(0).toUpperCase() + event.status.slice(1),
    unique_id: `event-${event.id}`
  }
}

/** Builds the TimelineJS document; throws when there is no event, which TimelineJS rejects. */
export function buildTimeline(input: ExportInput): TimelineJson {
  const o = resolveOptions(input)
  // TimelineJS places every slide in a year; an event whose year is unknown has none to give.
  const placed = input.events.filter((e) => !edtfYearUnknown(e.date.edtf))
  if (placed.length === 0) {
    throw new AnnalistError('invalid-argument', 'export: TimelineJS needs at least one event of known year, and no such event matches the export options')
  }
  const left = input.events.filter((e) => edtfYearUnknown(e.date.edtf))
  const leftOut = left.length
    ? `<p>Not on the timeline, year unknown: ${left.map((e) => `${escapeHtml(e.title.trim() || 'Untitled event')} (${escapeHtml(humanizeEdtfString(e.date.edtf))})`).join('; ')}</p>`
    : ''
  return {
    title: { text: { headline: escapeHtml(o.title), text: paragraphsHtml(o.preamble) + leftOut }, unique_id: 'title' },
    events: placed.map((e) => slide(e, o))
  }
}

/** Renders the TimelineJS JSON (two-space indent, trailing newline). */
export function renderTimelineJs(input: ExportInput): string {
  return JSON.stringify(buildTimeline(input), null, 2) + '\n'
}
