/** Reading events with their tags, people, places, memberships and citations, in batches. */
import type { Db } from '../db'
import { citationsByEvent } from './citations'
import { aboutEntity } from './entities'
import { all, likePrefix, sql, sqlEmpty, sqlList, sqlWhere, type SqlFragment } from '../sql'
import { AnnalistError } from '../../../shared/errors'
import type { ChronologyEvent, Citation, ClaimStatus, EntityKind, EventQuery } from '../../../shared/chronology'

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

function groupBy<R extends { event_id: number }, V>(rows: R[], value: (r: R) => V): Map<number, V[]> {
  const map = new Map<number, V[]>()
  for (const r of rows) {
    let list = map.get(r.event_id)
    if (!list) map.set(r.event_id, (list = []))
    list.push(value(r))
  }
  return map
}

/** Full events for the given ids, in the order given; unknown ids are skipped. */
export function loadEvents(db: Db, ids: readonly number[]): ChronologyEvent[] {
  if (ids.length === 0) return []
  const list = sqlList(ids)
  const rows = all<EventRow>(db, sql`SELECT * FROM events WHERE id IN ${list}`)
  const tags = groupBy(
    all<{ event_id: number; name: string }>(
      db,
      sql`SELECT et.event_id, t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id
          WHERE et.event_id IN ${list} ORDER BY t.name COLLATE NOCASE`
    ),
    (r) => r.name
  )
  const entityRows = all<{ event_id: number; kind: EntityKind; name: string }>(
    db,
    sql`SELECT event_id, kind, name FROM event_entities WHERE event_id IN ${list} ORDER BY name COLLATE NOCASE`
  )
  const people = groupBy(entityRows.filter((r) => r.kind === 'person'), (r) => r.name)
  const organisations = groupBy(entityRows.filter((r) => r.kind === 'org'), (r) => r.name)
  const places = groupBy(entityRows.filter((r) => r.kind === 'place'), (r) => r.name)
  const memberships = groupBy(
    all<{ event_id: number; chronology_id: number }>(
      db,
      sql`SELECT event_id, chronology_id FROM chronology_events WHERE event_id IN ${list} ORDER BY chronology_id`
    ),
    (r) => r.chronology_id
  )
  const citations = new Map<number, Citation[]>()
  for (const c of citationsByEvent(db, ids)) {
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
        organisations: organisations.get(id) ?? [],
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
  const where: SqlFragment[] = []
  if (q.chronologyId !== undefined) {
    where.push(sql`EXISTS (SELECT 1 FROM chronology_events ce WHERE ce.event_id = e.id AND ce.chronology_id = ${q.chronologyId})`)
  }
  if (q.tag !== undefined) {
    where.push(sql`EXISTS (SELECT 1 FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE et.event_id = e.id AND t.name = ${q.tag.trim()})`)
  }
  for (const [kind, name] of [
    ['person', q.person],
    ['org', q.organisation],
    ['place', q.place]
  ] as const) {
    if (name === undefined) continue
    where.push(
      sql`EXISTS (SELECT 1 FROM event_entities x WHERE x.event_id = e.id AND x.kind = ${kind} AND x.name = ${name.trim()} COLLATE NOCASE)`
    )
  }
  if (q.entityId !== undefined) where.push(aboutEntity(q.entityId))
  if (q.status !== undefined) where.push(sql`e.status = ${q.status}`)
  // A date of unknown year (XXXX-03-17) spans every day, yet lies in no date range.
  if (q.from !== undefined || q.to !== undefined) where.push(sql`substr(e.date_edtf, 1, 4) <> 'XXXX'`)
  if (q.from !== undefined) where.push(sql`e.latest_day >= ${q.from}`)
  if (q.to !== undefined) where.push(sql`e.earliest_day <= ${q.to}`)
  return all<{ id: number }>(db, sql`SELECT e.id FROM events e ${sqlWhere(where)} ORDER BY e.sort_key, e.id`).map((r) => r.id)
}

/** Events matching the query, in chronological order. */
export function listEvents(db: Db, q: EventQuery): ChronologyEvent[] {
  return loadEvents(db, queryEventIds(db, q))
}

/**
 * People, organisation or place names starting with `prefix` (case-insensitive), most used first:
 * names on events, the names of entities found in articles, and for places the dateline places.
 */
export function entityNames(db: Db, kind: EntityKind, prefix: string, limit = 20): string[] {
  const pattern = likePrefix(prefix.trim())
  const articlePlaces =
    kind === 'place' ? sql`UNION ALL SELECT place AS name FROM articles WHERE place IS NOT NULL AND place LIKE ${pattern} ESCAPE '\\'` : sqlEmpty
  // Names found in articles count once each, so names already on events lead.
  const extracted = sql`UNION ALL SELECT coalesce(user_name, name) FROM entities
                        WHERE kind = ${kind} AND hidden = 0 AND mentions > 0 AND coalesce(user_name, name) LIKE ${pattern} ESCAPE '\\'`
  return all<{ name: string }>(
    db,
    sql`SELECT name FROM (SELECT name FROM event_entities WHERE kind = ${kind} AND name LIKE ${pattern} ESCAPE '\\' ${articlePlaces} ${extracted})
        GROUP BY name COLLATE NOCASE ORDER BY count(*) DESC, name COLLATE NOCASE LIMIT ${limit}`
  ).map((r) => r.name)
}

/** Tag names used on events starting with `prefix`, most used first. */
export function eventTagNames(db: Db, prefix: string, limit = 20): string[] {
  return all<{ name: string }>(
    db,
    sql`SELECT t.name FROM tags t JOIN event_tags et ON et.tag_id = t.id WHERE t.name LIKE ${likePrefix(prefix.trim())} ESCAPE '\\'
        GROUP BY t.id ORDER BY count(*) DESC, t.name COLLATE NOCASE LIMIT ${limit}`
  ).map((r) => r.name)
}
