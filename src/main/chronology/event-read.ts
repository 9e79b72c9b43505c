/** Reading events with their tags, people, places, memberships and citations, in batches. */
import type { Db } from '../archive/db'
import { AnnalistError } from '../../shared/errors'
import type {
  ChronologyEvent,
  Citation,
  ClaimStatus,
  EntityKind,
  EventQuery,
  Stance
} from '../../shared/chronology'
import type { PublishedDate } from '../../shared/types'

interface EventRow {
  id: number
  title: string
  note: string
  date_edtf: string
  earliest_day: string
  latest_day: string
  status: ClaimStatus
  created_at: string
  updated_at: string
}

interface CitationRow {
  id: number
  event_id: number
  article_id: number
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  text_hash: string
  stance: Stance
  orphaned: number
  note: string | null
  created_at: string
  title: string
  outlet: string | null
  byline: string | null
  url: string | null
  language: string | null
  published_edtf: string | null
  published_precision: PublishedDate['precision'] | null
  published_provenance: PublishedDate['provenance'] | null
  file_name: string | null
  paragraph: number | null
  page: number | null
}

const IDS = '(SELECT value FROM json_each(?))'

function groupBy<R extends { event_id: number }, V>(rows: R[], value: (r: R) => V): Map<number, V[]> {
  const map = new Map<number, V[]>()
  for (const r of rows) {
    let list = map.get(r.event_id)
    if (!list) map.set(r.event_id, (list = []))
    list.push(value(r))
  }
  return map
}

function toCitation(r: CitationRow): Citation {
  const published: PublishedDate | null =
    r.published_edtf && r.published_precision && r.published_provenance
      ? { edtf: r.published_edtf, precision: r.published_precision, provenance: r.published_provenance }
      : null
  return {
    id: r.id,
    eventId: r.event_id,
    articleId: r.article_id,
    anchor: { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.end },
    textHash: r.text_hash,
    stance: r.stance,
    orphaned: r.orphaned === 1,
    note: r.note,
    paragraph: r.orphaned === 1 ? null : r.paragraph,
    page: r.orphaned === 1 ? null : r.page,
    article: {
      id: r.article_id,
      title: r.title,
      outlet: r.outlet,
      byline: r.byline,
      published,
      url: r.url,
      fileName: r.file_name,
      language: r.language
    },
    createdAt: r.created_at
  }
}

/** Citations of the given events, in document order per event. */
export function citationsOf(db: Db, eventIds: readonly number[], citationWhere = `c.event_id IN ${IDS}`): Citation[] {
  const rows = db
    .prepare<[string], CitationRow>(
      `SELECT c.id, c.event_id, c.article_id, c.exact, c.prefix, c.suffix, c.start, c.end, c.text_hash, c.stance,
              c.orphaned, c.note, c.created_at, a.title, s.name AS outlet, a.byline, a.url, a.language, a.published_edtf,
              a.published_precision, a.published_provenance, f.name AS file_name, p.ordinal AS paragraph, p.page
       FROM citations c
       JOIN articles a ON a.id = c.article_id
       LEFT JOIN sources s ON s.id = a.source_id
       LEFT JOIN files f ON f.id = a.file_id
       LEFT JOIN paragraphs p ON p.id = (SELECT id FROM paragraphs WHERE article_id = c.article_id AND end > c.start
                                         ORDER BY ordinal LIMIT 1)
       WHERE ${citationWhere}
       ORDER BY c.event_id, c.article_id, c.start, c.id`
    )
    .all(JSON.stringify(eventIds))
  return rows.map(toCitation)
}

/** One citation by id; `not-found` if absent. */
export function getCitation(db: Db, id: number): Citation {
  const found = citationsOf(db, [id], `c.id IN ${IDS}`)[0]
  if (!found) throw new AnnalistError('not-found', `no citation with id ${id}`)
  return found
}

/** Full events for the given ids, in the order given; unknown ids are skipped. */
export function loadEvents(db: Db, ids: readonly number[]): ChronologyEvent[] {
  if (ids.length === 0) return []
  const json = JSON.stringify(ids)
  const rows = db.prepare<[string], EventRow>(`SELECT * FROM events WHERE id IN ${IDS}`).all(json)
  const tags = groupBy(
    db
      .prepare<[string], { event_id: number; name: string }>(
        `SELECT et.event_id, t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id
         WHERE et.event_id IN ${IDS} ORDER BY t.name COLLATE NOCASE`
      )
      .all(json),
    (r) => r.name
  )
  const entityRows = db
    .prepare<[string], { event_id: number; kind: EntityKind; name: string }>(
      `SELECT event_id, kind, name FROM event_entities WHERE event_id IN ${IDS} ORDER BY name COLLATE NOCASE`
    )
    .all(json)
  const people = groupBy(entityRows.filter((r) => r.kind === 'person'), (r) => r.name)
  const places = groupBy(entityRows.filter((r) => r.kind === 'place'), (r) => r.name)
  const memberships = groupBy(
    db
      .prepare<[string], { event_id: number; chronology_id: number }>(
        `SELECT event_id, chronology_id FROM chronology_events WHERE event_id IN ${IDS} ORDER BY chronology_id`
      )
      .all(json),
    (r) => r.chronology_id
  )
  const citations = new Map<number, Citation[]>()
  for (const c of citationsOf(db, ids)) {
    let list = citations.get(c.eventId)
    if (!list) citations.set(c.eventId, (list = []))
    list.push(c)
  }
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    return [
      {
        id: r.id,
        title: r.title,
        note: r.note,
        date: { edtf: r.date_edtf, earliest: r.earliest_day, latest: r.latest_day },
        status: r.status,
        tags: tags.get(id) ?? [],
        people: people.get(id) ?? [],
        places: places.get(id) ?? [],
        chronologyIds: memberships.get(id) ?? [],
        citations: citations.get(id) ?? [],
        createdAt: r.created_at,
        updatedAt: r.updated_at
      }
    ]
  })
}

/** One event; `not-found` if absent. */
export function getEvent(db: Db, id: number): ChronologyEvent {
  const event = loadEvents(db, [id])[0]
  if (!event) throw new AnnalistError('not-found', `no event with id ${id}`)
  return event
}

/** Ids of events matching every given filter, in chronological order (sort key, then id). */
export function queryEventIds(db: Db, q: EventQuery): number[] {
  const where: string[] = []
  const params: (string | number)[] = []
  if (q.chronologyId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM chronology_events ce WHERE ce.event_id = e.id AND ce.chronology_id = ?)')
    params.push(q.chronologyId)
  }
  if (q.tag !== undefined) {
    where.push('EXISTS (SELECT 1 FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE et.event_id = e.id AND t.name = ?)')
    params.push(q.tag.trim())
  }
  for (const [kind, name] of [
    ['person', q.person],
    ['place', q.place]
  ] as const) {
    if (name === undefined) continue
    where.push(
      'EXISTS (SELECT 1 FROM event_entities x WHERE x.event_id = e.id AND x.kind = ? AND x.name = ? COLLATE NOCASE)'
    )
    params.push(kind, name.trim())
  }
  if (q.status !== undefined) {
    where.push('e.status = ?')
    params.push(q.status)
  }
  // A date of unknown year (XXXX-03-17) spans every day, yet lies in no date range.
  if (q.from !== undefined || q.to !== undefined) where.push("substr(e.date_edtf, 1, 4) <> 'XXXX'")
  if (q.from !== undefined) {
    where.push('e.latest_day >= ?')
    params.push(q.from)
  }
  if (q.to !== undefined) {
    where.push('e.earliest_day <= ?')
    params.push(q.to)
  }
  const sql = `SELECT e.id FROM events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.sort_key, e.id`
  return db
    .prepare<(string | number)[], { id: number }>(sql)
    .all(...params)
    .map((r) => r.id)
}

/** Events matching the query, in chronological order. */
export function listEvents(db: Db, q: EventQuery): ChronologyEvent[] {
  return loadEvents(db, queryEventIds(db, q))
}

/**
 * People or place names starting with `prefix` (case-insensitive), most used first: names on
 * events, and for places also the articles' dateline places.
 */
export function entityNames(db: Db, kind: EntityKind, prefix: string, limit = 20): string[] {
  const pattern = `${prefix.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const articlePlaces =
    kind === 'place' ? `UNION ALL SELECT place AS name FROM articles WHERE place IS NOT NULL AND place LIKE ? ESCAPE '\\'` : ''
  const params: (string | number)[] = kind === 'place' ? [kind, pattern, pattern, limit] : [kind, pattern, limit]
  return db
    .prepare<(string | number)[], { name: string }>(
      `SELECT name FROM (SELECT name FROM event_entities WHERE kind = ? AND name LIKE ? ESCAPE '\\' ${articlePlaces})
       GROUP BY name COLLATE NOCASE ORDER BY count(*) DESC, name COLLATE NOCASE LIMIT ?`
    )
    .all(...params)
    .map((r) => r.name)
}

/** Tag names used on events starting with `prefix`, most used first. */
export function eventTagNames(db: Db, prefix: string, limit = 20): string[] {
  const escaped = prefix.trim().replace(/[\\%_]/g, (c) => `\\${c}`)
  return db
    .prepare<[string, number], { name: string }>(
      `SELECT t.name FROM tags t JOIN event_tags et ON et.tag_id = t.id WHERE t.name LIKE ? ESCAPE '\\'
       GROUP BY t.id ORDER BY count(*) DESC, t.name COLLATE NOCASE LIMIT ?`
    )
    .all(`${escaped}%`, limit)
    .map((r) => r.name)
}
