/** Export formats and options: what the export dialog, the CLI and the API agree on. */
import type { ClaimStatus } from './chronology'

/** `ftm`: the whole archive (articles, entities, mentions, and the selected events) as FollowTheMoney entities. */
export const EXPORT_FORMATS = ['md', 'csv', 'json', 'timelinejs', 'csl', 'ftm'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_GROUPINGS = ['none', 'year', 'month'] as const
/** How Markdown sections events: flat, under year headings, or under year and month headings. */
export type ExportGrouping = (typeof EXPORT_GROUPINGS)[number]

/** Every option is optional; the defaults are listed with each field. */
export interface ExportOptions {
  /** Only events in this chronology; all events when omitted. */
  chronologyId?: number
  /** Document title; defaults to the chronology's name, else "Chronology". */
  title?: string
  /** Plain text shown under the title; defaults to the chronology's description. */
  preamble?: string
  /** EDTF date (`2021`, `2021-08`, `2021-08-15`): keep events that can fall on or after its first day. */
  from?: string
  /** EDTF date: keep events that can fall on or before its last day. */
  to?: string
  /** Keep events carrying at least one of these tags (case-insensitive). */
  tags?: string[]
  /** Keep events with one of these claim statuses. */
  statuses?: ClaimStatus[]
  /** Quote the cited passage in footnotes and exports (default true). */
  quotes?: boolean
  /** Markdown sections (default `month`). */
  group?: ExportGrouping
  /** Add `annalist://article/<id>#<start>-<end>` links for readers who have the app (default false). */
  links?: boolean
  /** Add a list of the cited articles at the end of the Markdown (default false). */
  bibliography?: boolean
  /**
   * Show citations that contradict an event next to the supporting ones, labelled (default
   * true); when false only supporting citations are referenced.
   */
  bothSides?: boolean
  /** A timestamp to print as "Exported …"; nothing time-dependent is written without it. */
  generatedAt?: string
  /**
   * CSV: a cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
   * carriage return) gets a leading `'` (default true; false writes every cell as stored).
   */
  formulaGuard?: boolean
  /** CSV: start with a UTF-8 byte-order mark, which Excel needs to read UTF-8 (default false). */
  bom?: boolean
}

/** A rendered export, ready to save or download. */
export interface ExportResult {
  /** Suggested file name, derived from the title. */
  filename: string
  mediaType: string
  content: string
}

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json',
  timelinejs: 'application/json',
  csl: 'application/vnd.citationstyles.csl+json',
  ftm: 'application/x-ndjson'
}

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  md: '.md',
  csv: '.csv',
  json: '.json',
  timelinejs: '.timeline.json',
  csl: '.csl.json',
  ftm: '.ftm.json'
}
