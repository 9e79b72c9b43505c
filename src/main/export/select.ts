/** Pure event selection for export: the filters of ExportOptions, then chronological order. */
import type { ChronologyEvent } from '../../shared/chronology'
import { edtfBounds, edtfSortKey, edtfYearUnknown, tryParseEdtf } from '../../shared/edtf'
import { AnnalistError } from '../../shared/errors'
import type { ExportOptions } from '../../shared/export'

function boundDay(edtf: string, which: 'from' | 'to'): string {
  const bounds = edtfBounds(edtf)
  if (!bounds) throw new AnnalistError('invalid-argument', `export: --${which} "${edtf}" is not a date (use 2021, 2021-08 or 2021-08-15)`)
  return which === 'from' ? bounds.earliest : bounds.latest
}

/** Sort key of an event: the EDTF order (earliest, precision, time, latest), then the id. */
export function eventSortKey(event: ChronologyEvent): string {
  const parsed = tryParseEdtf(event.date.edtf)
  // An unparsable stored date still sorts by its stored bounds, after parsable dates of that day.
  const key = parsed ? edtfSortKey(parsed) : `${event.date.earliest}|9|--:--:--|${event.date.latest}`
  return `${key}|${String(event.id).padStart(12, '0')}`
}

/** Events matching the options' chronology, date range, tags and statuses, in chronological order. */
export function selectEvents(events: readonly ChronologyEvent[], options: ExportOptions): ChronologyEvent[] {
  const from = options.from ? boundDay(options.from, 'from') : null
  const to = options.to ? boundDay(options.to, 'to') : null
  if (from && to && from > to) throw new AnnalistError('invalid-argument', `export: --from ${options.from} is after --to ${options.to}`)
  const tags = options.tags?.length ? new Set(options.tags.map((t) => t.toLowerCase())) : null
  const statuses = options.statuses?.length ? new Set(options.statuses) : null
  const chosen = events.filter(
    (e) =>
      (options.chronologyId === undefined || e.chronologyIds.includes(options.chronologyId)) &&
      (from === null || e.date.latest >= from) &&
      (to === null || e.date.earliest <= to) &&
      // A date of unknown year can be any year: it is in no date range.
      ((from === null && to === null) || !edtfYearUnknown(e.date.edtf)) &&
      (tags === null || e.tags.some((t) => tags.has(t.toLowerCase()))) &&
      (statuses === null || statuses.has(e.status))
  )
  const keyed = chosen.map((e) => ({ e, key: eventSortKey(e) }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return keyed.map((k) => k.e)
}
