/** Reads what an export needs from the archive and hands it to the pure renderers. */
import type { Db } from '../archive/db'
import type { ChronologyEvent } from '../../shared/chronology'
import { EXPORT_MEDIA_TYPES, type ExportFormat, type ExportOptions, type ExportResult } from '../../shared/export'
import { articlesForExport, entitySummaries, mentionSpellingRows, visibleEntityIds } from '../archive/repo/entities'
import { exportFilename } from './filename'
import { renderFtm } from './ftm'
import { selectEvents } from './select'
import { getChronology } from '../chronology/chronologies'
import { languagesOf } from '../archive/repo/articles'
import { capturesOf } from '../archive/repo/captures'
import { listEvents } from '../archive/repo/events'
import { renderExport } from '.'

/** Renders the archive's events (one chronology or all) in `format`; `not-found` for an unknown chronology. */
export function exportFromArchive(db: Db, format: ExportFormat, options: ExportOptions): ExportResult {
  const id = options.chronologyId
  // One read transaction, so a concurrent edit cannot tear the export between chronology and events.
  const { chronology, events } = db.transaction(() => ({
    chronology: id === undefined ? null : getChronology(db, id),
    events: withArticleFacts(db, listEvents(db, id === undefined ? {} : { chronologyId: id }))
  }))()
  if (format !== 'ftm') return renderExport(format, events, chronology, options)
  return {
    filename: exportFilename(chronology?.name ?? 'Archive', 'ftm'),
    mediaType: EXPORT_MEDIA_TYPES.ftm,
    content: db.transaction(() => ftmOfArchive(db, selectEvents(events, options)))()
  }
}

/** The archive's articles, visible entities and their mentions, and the given events, as FTM lines. */
function ftmOfArchive(db: Db, events: ChronologyEvent[]): string {
  const entities = entitySummaries(db, visibleEntityIds(db))
  return renderFtm({ articles: articlesForExport(db), entities, mentions: mentionSpellingRows(db), events })
}

/** Fills in each cited article's language and capture provenance, which the event reader does not load. */
function withArticleFacts(db: Db, events: ChronologyEvent[]): ChronologyEvent[] {
  const ids = [...new Set(events.flatMap((e) => e.citations.map((c) => c.articleId)))]
  if (ids.length === 0) return events
  const language = languagesOf(db, ids)
  const captures = capturesOf(db, ids)
  return events.map((e) => ({
    ...e,
    citations: e.citations.map((c) => ({
      ...c,
      article: {
        ...c.article,
        language: c.article.language !== undefined ? c.article.language : (language.get(c.articleId) ?? null),
        capture: c.article.capture !== undefined ? c.article.capture : (captures.get(c.articleId) ?? null)
      }
    }))
  }))
}
