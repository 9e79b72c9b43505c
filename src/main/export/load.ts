/** Reads what an export needs from the archive and hands it to the pure renderers. */
import type { Db } from '../archive/db'
import type { ExportFormat, ExportOptions, ExportResult } from '../../shared/export'
import { getChronology } from '../chronology/chronologies'
import { listEvents } from '../chronology/event-read'
import { renderExport } from '.'

/** Renders the archive's events (one chronology or all) in `format`; `not-found` for an unknown chronology. */
export function exportFromArchive(db: Db, format: ExportFormat, options: ExportOptions): ExportResult {
  const id = options.chronologyId
  // One read transaction, so a concurrent edit cannot tear the export between chronology and events.
  const { chronology, events } = db.transaction(() => ({
    chronology: id === undefined ? null : getChronology(db, id),
    events: listEvents(db, id === undefined ? {} : { chronologyId: id })
  }))()
  return renderExport(format, events, chronology, options)
}
