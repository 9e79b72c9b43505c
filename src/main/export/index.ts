/** One entry point over the pure renderers: select, render, name the file. */
import type { ChronologyEvent } from '../../shared/chronology'
import { EXPORT_MEDIA_TYPES, type ExportFormat, type ExportOptions, type ExportResult } from '../../shared/export'
import { renderCsl } from './csl'
import { renderCsv } from './csv'
import { exportFilename } from './filename'
import { renderJson } from './json'
import { renderMarkdown } from './markdown'
import { resolveOptions, type ExportChronology, type ExportInput } from './model'
import { selectEvents } from './select'
import { renderTimelineJs } from './timelinejs'

/** Renderers of the selected events alone; `ftm` describes the archive too (load.ts). */
const RENDERERS: Record<Exclude<ExportFormat, 'ftm'>, (input: ExportInput) => string> = {
  md: renderMarkdown,
  csv: renderCsv,
  json: renderJson,
  timelinejs: renderTimelineJs,
  csl: renderCsl
}

/** Renders `events` (any order, unfiltered) in `format`; the same input always gives the same bytes. */
export function renderExport(
  format: Exclude<ExportFormat, 'ftm'>,
  events: readonly ChronologyEvent[],
  chronology: ExportChronology | null,
  options: ExportOptions
): ExportResult {
  const input: ExportInput = { chronology, events: selectEvents(events, options), options }
  return {
    filename: exportFilename(resolveOptions(input).title, format),
    mediaType: EXPORT_MEDIA_TYPES[format],
    content: RENDERERS[format](input)
  }
}
