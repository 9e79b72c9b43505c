/** Reading entities: summaries, mentions, passages, companions, the map, and the events about one. */
import type { Db } from '../db'
import { all, get, iterate, sql, sqlEmpty, sqlList, sqlWhere, type SqlFragment } from '../sql'
import { publishedOf, type PublishedColumns } from './published'
import { prepared } from '../statements'
import type { EntitySummary, Mention, NamedKind } from '../../../shared/entities'
import type { PublishedDate } from '../../../shared/types'
import { joinedIds } from './joined'
import { articleCleanText } from './paragraph-text'

/** An `entities` row as stored. */
export interface EntityRow {
  id: number
  kind: NamedKind
  key: string
  name: string
  user_name: string | null
  hidden: number
  mentions: number
  articles: number
  lat: number | null
  lon: number | null
  country: string | null
}

/** An entity's row as corrections need it. */
export interface EntityRecord {
  id: number
  kind: NamedKind
  key: string
  name: string
  userName: string | null
  hidden: boolean
}

export function entityRecord(db: Db, id: number): EntityRecord | undefined {
  const r = get<EntityRow>(db, sql`SELECT * FROM entities WHERE id = ${id}`)
  return r && { id: r.id, kind: r.kind, key: r.key, name: r.name, userName: r.user_name, hidden: r.hidden === 1 }
}

/** Summaries of the given entities in the order given; unknown ids are left out. */
export function entitySummaries(db: Db, ids: readonly number[]): EntitySummary[] {
  if (ids.length === 0) return []
  const list = sqlList(ids)
  const rows = new Map(all<EntityRow>(db, sql`SELECT * FROM entities WHERE id IN ${list}`).map((r) => [r.id, r]))
  const spellings = new Map<number, string[]>()
  for (const s of all<{ entity_id: number; text: string }>(
    db,
    sql`SELECT entity_id, text FROM entity_spellings WHERE entity_id IN ${list} ORDER BY entity_id, n DESC, length(text) DESC, text`
  )) {
    let l = spellings.get(s.entity_id)
    if (!l) spellings.set(s.entity_id, (l = []))
    l.push(s.text)
  }
  return ids.flatMap((id) => {
    const r = rows.get(id)
    if (!r) return []
    const found = spellings.get(id) ?? []
    const name = r.user_name ?? r.name
    return [
      {
        id: r.id,
        kind: r.kind,
        name,
        aliases: found.includes(name) ? found : [name, ...found],
        mentions: r.mentions,
        articles: r.articles,
        hidden: r.hidden === 1,
        lat: r.lat,
        lon: r.lon,
        country: r.country
      }
    ]
  })
}

/** Every mention of an article in text order, hidden entities left out. */
export function articleMentionList(db: Db, articleId: number): Mention[] {
  return all<{ entity_id: number; kind: NamedKind; name: string; start: number; end: number; text: string }>(
    db,
    sql`SELECT m.entity_id, e.kind, coalesce(e.user_name, e.name) AS name, m.start, m.end, m.text
        FROM entity_mentions m JOIN entities e ON e.id = m.entity_id
        WHERE m.article_id = ${articleId} AND e.hidden = 0 ORDER BY m.start, m.end`
  ).map((r) => ({ entityId: r.entity_id, kind: r.kind, name: r.name, start: r.start, end: r.end, text: r.text }))
}

/** Entities with a mention overlapping start..end of an article, in order of first mention; hidden left out. */
export function entityIdsInPassage(db: Db, articleId: number, start: number, end: number): number[] {
  return all<{ entity_id: number }>(
    db,
    sql`SELECT m.entity_id FROM entity_mentions m JOIN entities e ON e.id = m.entity_id
        WHERE m.article_id = ${articleId} AND m.start < ${end} AND m.end > ${start} AND e.hidden = 0
        GROUP BY m.entity_id ORDER BY min(m.start)`
  ).map((r) => r.entity_id)
}

/** One mention with what naming its article and quoting its sentence need. */
export interface PassageRow {
  articleId: number
  title: string
  outlet: string | null
  byline: string | null
  url: string | null
  published: PublishedDate | null
  start: number
  end: number
  text: string
  /** The article's text around the mention, from `windowStart`. */
  window: string
  windowStart: number
}

/** Characters of article text read on each side of a mention, enough for the sentence around it. */
const WINDOW = 400

/** Mentions fewer than this are sorted whole for a page of them (see `entityPassageRows`). */
const SORTED_MENTIONS = 1000

/** An entity's mentions, newest article first, a page at a time, and how many there are. */
export function entityPassageRows(db: Db, entityId: number, limit: number, offset: number): { rows: PassageRow[]; total: number } {
  const total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM entity_mentions WHERE entity_id = ${entityId}`)!.n
  const columns = sql`m.article_id, a.title, s.name AS outlet, a.byline, a.url, a.published_edtf, a.published_precision, a.published_provenance,
                      m.start, m.end, m.text`
  const from = sql`FROM entity_mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN sources s ON s.id = a.source_id`
  type Row = PublishedColumns & { article_id: number; title: string; outlet: string | null; byline: string | null; url: string | null; start: number; end: number; text: string }
  let rows: Row[]
  if (total < SORTED_MENTIONS) {
    rows = all<Row>(
      db,
      sql`SELECT ${columns} ${from}
          WHERE m.entity_id = ${entityId}
          ORDER BY a.published_earliest DESC NULLS LAST, m.article_id DESC, m.start LIMIT ${limit} OFFSET ${offset}`
    )
  } else {
    // Sorting every mention by its article's date read each mention's row and its article's:
    // 197–254 ms a page for the most named place at 100,000 generated articles (29,403
    // mentions). Here its articles and their mention counts come from the entity's index, and
    // the articles' date index, walked newest first, orders them until the page is reached; then
    // only the page's mentions are read: 20–52 ms, 5–9 for an organisation in 2,111 articles.
    const order = new Map<number, number>()
    let seen = 0
    let before = 0
    for (const r of iterate<{ id: number; n: number }>(
      db,
      sql`SELECT a.id, m.n FROM article_store a
          CROSS JOIN (SELECT article_id, count(*) AS n FROM entity_mentions WHERE entity_id = ${entityId} GROUP BY article_id) m ON m.article_id = a.id
          ORDER BY a.published_earliest DESC, a.id DESC`
    )) {
      if (seen + r.n > offset) {
        if (order.size === 0) before = seen
        order.set(r.id, order.size)
      }
      seen += r.n
      if (seen >= offset + limit) break
    }
    rows = all<Row>(
      db,
      sql`SELECT ${columns} ${from} WHERE m.article_id IN ${sqlList([...order.keys()])} AND m.entity_id = ${entityId}`
    )
      .sort((x, y) => order.get(x.article_id)! - order.get(y.article_id)! || x.start - y.start)
      .slice(offset - before, offset - before + limit)
  }
  // The windows are cut once the page is known, each article's text read once: in the query, the
  // sort would inflate every mention's article text, not only the page's (migration 028).
  const texts = new Map<number, string>()
  const textOf = (id: number): string => {
    let text = texts.get(id)
    if (text === undefined) texts.set(id, (text = articleCleanText(db, id) ?? ''))
    return text
  }
  return {
    total,
    rows: rows.map((r) => ({
      articleId: r.article_id,
      title: r.title,
      outlet: r.outlet,
      byline: r.byline,
      url: r.url,
      published: publishedOf(r),
      start: r.start,
      end: r.end,
      text: r.text,
      window: textOf(r.article_id).slice(Math.max(0, r.start - WINDOW), r.end + WINDOW),
      windowStart: Math.max(0, r.start - WINDOW)
    }))
  }
}

/**
 * Articles a companion count reads, the entity's latest: an entity in thousands of articles would
 * otherwise read every mention of all of them (0.5 s at 4,600 articles under load).
 */
export const COMPANION_ARTICLES = 1000

/**
 * The distinct entity ids of each of the entity's latest COMPANION_ARTICLES articles, each
 * ascending (the entity itself among them). One read for the companions and the pairs between
 * them, counted in memory: as two grouped self-joins they took 30–65 and 100 ms for the most
 * named organisation at 100,000 generated articles, after SQLite 3.54 had planned the second
 * from the neighbours' mentions (5.1 s).
 */
export function companionArticles(db: Db, entityId: number): number[][] {
  return (
    prepared(
      db,
      `SELECT group_concat(o.entity_id) FROM (SELECT DISTINCT article_id FROM entity_mentions WHERE entity_id = ? ORDER BY article_id DESC LIMIT ${COMPANION_ARTICLES}) c
       CROSS JOIN entity_mentions o ON o.article_id = c.article_id GROUP BY c.article_id`
    )
      .pluck()
      .all(entityId) as string[]
  ).map(distinctAscending)
}

/** Those of the given entities that the user hid. */
export function hiddenAmong(db: Db, ids: readonly number[]): Set<number> {
  return new Set(all<{ id: number }>(db, sql`SELECT id FROM entities WHERE id IN ${sqlList(ids)} AND hidden = 1`).map((r) => r.id))
}

/**
 * Events about an entity: naming one of its spellings (or its user name) among the event's names
 * of that kind, or citing a passage one of its mentions falls in. A fragment over `e.id`, for
 * `queryEventIds` and the entity page alike. The spellings are read from their own table, the
 * mentions' distinct texts, and the passages from the citations, each probed for the entity's
 * mentions in its article: reading every mention of the most named place at 100,000 generated
 * articles (29,403) cost 75–95 ms an entity page.
 */
export function aboutEntity(entityId: number): SqlFragment {
  return sql`(e.id IN (SELECT x.event_id FROM event_entities x JOIN entities n ON n.id = ${entityId} AND x.kind = n.kind
                       WHERE lower(x.name) IN (SELECT lower(text) FROM entity_spellings WHERE entity_id = ${entityId}
                                              UNION SELECT lower(coalesce(user_name, name)) FROM entities WHERE id = ${entityId}))
           OR e.id IN (SELECT c.event_id FROM citations c CROSS JOIN entity_mentions m ON m.article_id = c.article_id AND m.entity_id = ${entityId}
                       WHERE c.orphaned = 0 AND m.start < c.end AND m.end > c.start))`
}

/** The events about an entity in chronological order (see `aboutEntity`). */
export function entityEventRefs(db: Db, entityId: number, limit = 200): { id: number; title: string; date: string }[] {
  return all<{ id: number; title: string; date: string }>(
    db,
    sql`SELECT e.id, e.title, e.date_edtf AS date FROM events e WHERE ${aboutEntity(entityId)} ORDER BY e.sort_key, e.id LIMIT ${limit}`
  )
}

export interface MapQuery {
  chronologyId?: number
  from?: string
  to?: string
  limit: number
}

/** Places with coordinates and how many (of the chosen) articles mention each, most first. */
export function mapPlaceCounts(db: Db, q: MapQuery): { id: number; articles: number }[] {
  const scope: SqlFragment[] = []
  if (q.from) scope.push(sql`a.published_latest >= ${q.from}`)
  if (q.to) scope.push(sql`a.published_earliest <= ${q.to}`)
  if (q.chronologyId !== undefined) {
    scope.push(
      sql`a.id IN (SELECT c.article_id FROM citations c JOIN chronology_events ce ON ce.event_id = c.event_id WHERE ce.chronology_id = ${q.chronologyId})`
    )
  }
  const inScope = scope.length ? sql`AND m.article_id IN (SELECT a.id FROM articles a ${sqlWhere(scope)})` : sqlEmpty
  return all<{ id: number; articles: number }>(
    db,
    sql`SELECT m.entity_id AS id, count(DISTINCT m.article_id) AS articles
        FROM entities e JOIN entity_mentions m ON m.entity_id = e.id
        WHERE e.kind = 'place' AND e.lat IS NOT NULL AND e.hidden = 0 ${inScope}
        GROUP BY m.entity_id ORDER BY articles DESC, m.entity_id LIMIT ${q.limit}`
  )
}

/**
 * How many of the given articles mention each entity, with its kind (hidden entities included),
 * in no order. One joined row per article: a common word's 2,000 sampled articles hold about
 * 70,000 mentions, counted in 30 ms this way at 100,000 articles against 60 ms grouped in SQL.
 */
export function entityCountsIn(db: Db, articleIds: readonly number[]): { entity: number; kind: NamedKind; count: number }[] {
  const counts = new Map<number, number>()
  const joined = prepared(db, 'SELECT group_concat(entity_id) FROM entity_mentions WHERE article_id IN (SELECT value FROM json_each(?)) GROUP BY article_id')
    .pluck()
    .all(JSON.stringify(articleIds)) as string[]
  for (const ids of joined) for (const id of distinctAscending(ids)) counts.set(id, (counts.get(id) ?? 0) + 1)
  const out: { entity: number; kind: NamedKind; count: number }[] = []
  if (counts.size > 0) forEachEntityKind(db, (entity, kind) => out.push({ entity, kind, count: counts.get(entity)! }), [...counts.keys()])
  return out
}

/**
 * Calls `each` with every article's distinct entity ids, article by article in id order, each
 * article's ids ascending.
 */
export function forEachArticleEntities(db: Db, each: (articleId: number, entityIds: readonly number[]) => void): void {
  // One row per article with its entity ids joined by SQLite: stepping every mention row through
  // better-sqlite3 cost 4.5 s of CPU at 100,000 generated articles (3.6 million mentions), the
  // joined rows 1.1 s. Repeats are skipped while parsing rather than by DISTINCT, which took 1.7×
  // as long as the plain rows.
  const rows = prepared(db, 'SELECT article_id, group_concat(entity_id) FROM entity_mentions GROUP BY article_id ORDER BY article_id')
    .raw(true)
    .iterate() as IterableIterator<[number, string]>
  for (const [articleId, joined] of rows) each(articleId, distinctAscending(joined))
}

/**
 * The ids of a `group_concat` of integers, ascending and each once. SQLite joins them in the
 * order it visits the rows (the mentions index: ascending, repeats adjacent) but does not
 * promise it, so any other order is sorted here.
 */
export function distinctAscending(joined: string): number[] {
  const ids = joinedIds(joined)
  let kept = 0
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!
    if (kept > 0 && id < ids[kept - 1]!) return [...new Set(ids)].sort((a, b) => a - b)
    if (kept === 0 || id !== ids[kept - 1]) ids[kept++] = id
  }
  ids.length = kept
  return ids
}

/** The distinct entity ids of each given article (an article without mentions is absent). */
export function entityIdsOfArticles(db: Db, articleIds: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>()
  for (const r of all<{ a: number; e: number }>(
    db,
    sql`SELECT DISTINCT article_id AS a, entity_id AS e FROM entity_mentions WHERE article_id IN ${sqlList(articleIds)} ORDER BY a, e`
  )) {
    let ids = out.get(r.a)
    if (!ids) out.set(r.a, (ids = []))
    ids.push(r.e)
  }
  return out
}

/** The kind of each of the given entities, or of every entity (an entity's kind never changes). */
export function forEachEntityKind(db: Db, each: (id: number, kind: NamedKind) => void, ids?: readonly number[]): void {
  // One row per kind with its ids joined by SQLite: at 100,000 articles there are 170,000
  // entities, 253 ms read as rows and 58 ms joined.
  const kinds = (
    ids
      ? prepared(db, 'SELECT kind, group_concat(id) FROM entities WHERE id IN (SELECT value FROM json_each(?)) GROUP BY kind').raw(true).iterate(JSON.stringify(ids))
      : prepared(db, 'SELECT kind, group_concat(id) FROM entities GROUP BY kind').raw(true).iterate()
  ) as IterableIterator<[NamedKind, string]>
  for (const [kind, joined] of kinds) for (const id of joinedIds(joined)) each(id, kind)
}

/** What migration 037 moves whenever an entity's shown name or hidden flag changes, or an entity goes. */
export function entityNamesStamp(db: Db): number {
  return prepared(db, 'SELECT entity_name_stamp FROM search_state').pluck(true).get() as number
}

/**
 * The entities the user has not hidden, in order of shown name (SQLite's order of text, then id),
 * and those hidden. Read as rows: at 100,000 articles (168,000 entities) 102–120 ms, where the
 * same ids joined by an aggregate's ORDER BY took 187–290.
 */
export function entitiesByName(db: Db): { visible: number[]; hidden: number[] } {
  return {
    visible: prepared(db, 'SELECT id FROM entities WHERE hidden = 0 ORDER BY coalesce(user_name, name), id').pluck(true).all() as number[],
    hidden: prepared(db, 'SELECT id FROM entities WHERE hidden = 1').pluck(true).all() as number[]
  }
}

/** Kind and shown name of those of the given entities the user has not hidden. */
export function visibleEntitiesAmong(db: Db, ids: readonly number[]): { id: number; kind: NamedKind; value: string }[] {
  return all<{ id: number; kind: NamedKind; value: string }>(
    db,
    sql`SELECT id, kind, coalesce(user_name, name) AS value FROM entities WHERE hidden = 0 AND id IN ${sqlList(ids)}`
  )
}

/** Entities with mentions that the user has not hidden, by id (what an archive export carries). */
export function visibleEntityIds(db: Db): number[] {
  return all<{ id: number }>(db, sql`SELECT id FROM entities WHERE mentions > 0 AND hidden = 0 ORDER BY id`).map((r) => r.id)
}

/** Each spelling of each visible entity in each article, once. */
export function mentionSpellingRows(db: Db): { articleId: number; entityId: number; text: string }[] {
  return all<{ articleId: number; entityId: number; text: string }>(
    db,
    sql`SELECT DISTINCT m.article_id AS articleId, m.entity_id AS entityId, m.text
        FROM entity_mentions m JOIN entities e ON e.id = m.entity_id
        WHERE e.hidden = 0 ORDER BY m.article_id, m.entity_id, m.text`
  )
}

/** What an archive export describes an article by. */
export interface ArticleForExport {
  id: number
  title: string
  text: string
  outlet: string | null
  byline: string | null
  url: string | null
  fileName: string | null
  /** EDTF. */
  published: string | null
  /** ISO 639-1. */
  language: string | null
}

/** Every article with what an archive export describes it by, in id order. */
export function articlesForExport(db: Db): ArticleForExport[] {
  return all(
    db,
    sql`SELECT a.id, a.title, a.text, s.name AS outlet, a.byline, a.url, f.name AS fileName, a.published_edtf AS published, a.language
        FROM articles a LEFT JOIN sources s ON s.id = a.source_id LEFT JOIN files f ON f.id = a.file_id ORDER BY a.id`
  )
}
