/** CSV export (RFC 4180): one row per event and citation, so a spreadsheet can check every claim. */
import type { ChronologyEvent, Citation } from '../../shared/chronology'
import { humanizeEdtfString } from '../../shared/edtf'
import { annalistLink, locator } from './footnotes'
import { exportedCitations, resolveOptions, type ExportInput, type ResolvedOptions } from './model'

export const CSV_COLUMNS = [
  'event_id',
  'date',
  'date_edtf',
  'earliest',
  'latest',
  'title',
  'status',
  'tags',
  'people',
  'organisations',
  'places',
  'note',
  'citation_id',
  'stance',
  'article_id',
  'outlet',
  'article_title',
  'byline',
  'published',
  'url',
  'captured_at',
  'captured_from',
  'capture_tool',
  'locator',
  'paragraph',
  'page',
  'quote',
  'start',
  'end',
  'orphaned',
  'citation_note',
  'link'
] as const

type Row = Record<(typeof CSV_COLUMNS)[number], string>

// What makes LibreOffice and Excel run a cell as a formula (OWASP, "CSV Injection"): a title or
// quote starting `=SUM(…)` or `@cmd` would compute, or reach outside the file.
const FORMULA_START = /^[=+\-@\t\r]/

/** A cell a spreadsheet would run as a formula, made text by a leading `'` (the OWASP rule). */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

// Spreadsheets read "August 2021" as 1 August 2021 and "15 August 2021" as a date in their own
// format; with thin spaces (U+2009) between its parts LibreOffice leaves the date as written.
// Machines have `date_edtf`, `earliest` and `latest`.
function spreadsheetDate(edtf: string): string {
  return humanizeEdtfString(edtf).replace(/ /g, '\u2009')
}

/** A field quoted when it holds a comma, a double quote or a line break, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function eventFields(e: ChronologyEvent): Pick<Row, 'event_id' | 'date' | 'date_edtf' | 'earliest' | 'latest' | 'title' | 'status' | 'tags' | 'people' | 'organisations' | 'places' | 'note'> {
  return {
    event_id: String(e.id),
    date: spreadsheetDate(e.date.edtf),
    date_edtf: e.date.edtf,
    earliest: e.date.earliest,
    latest: e.date.latest,
    title: e.title,
    status: e.status,
    tags: e.tags.join('; '),
    people: e.people.join('; '),
    organisations: e.organisations.join('; '),
    places: e.places.join('; '),
    note: e.note
  }
}

function citationFields(c: Citation | null, o: ResolvedOptions): Omit<Row, keyof ReturnType<typeof eventFields>> {
  const a = c?.article
  return {
    citation_id: c ? String(c.id) : '',
    stance: c?.stance ?? '',
    article_id: c ? String(c.articleId) : '',
    outlet: a?.outlet ?? '',
    article_title: a?.title ?? '',
    byline: a?.byline ?? '',
    published: a?.published?.edtf ?? '',
    url: a?.url ?? '',
    captured_at: a?.capture?.capturedAt ?? '',
    captured_from: a?.capture?.url ?? '',
    capture_tool: a?.capture ? [a.capture.tool, a.capture.software].filter(Boolean).join('; ') : '',
    locator: c ? (locator(c) ?? '') : '',
    paragraph: c?.paragraph != null ? String(c.paragraph) : '',
    page: c?.page != null ? String(c.page) : '',
    quote: c && o.quotes ? c.anchor.exact : '',
    start: c ? String(c.anchor.start) : '',
    end: c ? String(c.anchor.end) : '',
    orphaned: c ? (c.orphaned ? 'yes' : 'no') : '',
    citation_note: c?.note ?? '',
    link: c && o.links ? annalistLink(c) : ''
  }
}

/** Renders the events as CSV with a header row and CRLF line ends. */
export function renderCsv(input: ExportInput): string {
  const o = resolveOptions(input)
  const cell = o.formulaGuard ? (value: string) => csvField(guardFormula(value)) : csvField
  const lines = [CSV_COLUMNS.join(',')]
  for (const event of input.events) {
    const base = eventFields(event)
    const citations = exportedCitations(event, o)
    for (const c of citations.length ? citations : [null]) {
      const row: Row = { ...base, ...citationFields(c, o) }
      lines.push(CSV_COLUMNS.map((col) => cell(row[col])).join(','))
    }
  }
  return (o.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n'
}
