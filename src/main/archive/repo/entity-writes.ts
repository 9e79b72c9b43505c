/**
 * Writing entities, their mentions and the user's decisions (tables of migration 014). Counts,
 * spellings and the name are stored: adjusted per article (`countArticleMentions`) as articles
 * are stored, recounted whole (`recountEntities`) after a correction, so lists sort on an index.
 */
import type { Db } from '../db'
import { all, get, run, sql, sqlList } from '../sql'
import { unpackText } from '../article-body'
import type { NamedKind } from '../../../shared/entities'

/** One stored decision row: merge key→target key, split spelling→own key, rename key→name, hide key. */
export interface DecisionRow {
  kind: NamedKind
  action: 'merge' | 'split' | 'rename' | 'hide'
  subject: string
  value: string
}

export interface NewEntity {
  kind: NamedKind
  key: string
  name: string
  userName: string | null
  hidden: boolean
  lat: number | null
  lon: number | null
  country: string | null
}

export interface NewMention {
  entityId: number
  start: number
  end: number
  text: string
}

/** Every decision (a small table: one row per correction the user made). */
export function allDecisions(db: Db): DecisionRow[] {
  return all<DecisionRow>(db, sql`SELECT kind, action, subject, value FROM entity_decisions`)
}

/** One decision's value, if the user made it (the table's primary key). */
export function decisionValue(db: Db, kind: NamedKind, action: DecisionRow['action'], subject: string): string | undefined {
  return get<{ value: string }>(db, sql`SELECT value FROM entity_decisions WHERE kind = ${kind} AND action = ${action} AND subject = ${subject}`)?.value
}

export function putDecision(db: Db, d: DecisionRow): void {
  run(
    db,
    sql`INSERT INTO entity_decisions (kind, action, subject, value) VALUES (${d.kind}, ${d.action}, ${d.subject}, ${d.value})
        ON CONFLICT (kind, action, subject) DO UPDATE SET value = excluded.value`
  )
}

export function deleteDecision(db: Db, kind: NamedKind, action: DecisionRow['action'], subject: string): void {
  run(db, sql`DELETE FROM entity_decisions WHERE kind = ${kind} AND action = ${action} AND subject = ${subject}`)
}

/** Merges and splits that led to `from` lead to `to` instead, so chains stay one step long. */
export function repointDecisions(db: Db, kind: NamedKind, from: string, to: string): void {
  run(db, sql`UPDATE entity_decisions SET value = ${to} WHERE kind = ${kind} AND action IN ('merge', 'split') AND value = ${from}`)
}

/** The entity of a kind and effective key, if one exists. */
export function entityIdByKey(db: Db, kind: NamedKind, key: string): number | undefined {
  return get<{ id: number }>(db, sql`SELECT id FROM entities WHERE kind = ${kind} AND key = ${key}`)?.id
}

/** The slot `entityIdsByKey` files an entity under. */
export function entitySlot(kind: NamedKind, key: string): string {
  return `${kind}\u0000${key}`
}

/**
 * The ids of the entities of the given kinds and keys that exist, by `entitySlot`: one statement
 * for an article's tens of names instead of one each.
 */
export function entityIdsByKey(db: Db, wanted: readonly (readonly [NamedKind, string])[]): Map<string, number> {
  const found = new Map<string, number>()
  if (wanted.length === 0) return found
  const rows = all<{ id: number; kind: NamedKind; key: string }>(
    db,
    sql`SELECT e.id, e.kind, e.key FROM json_each(${JSON.stringify(wanted)}) AS j
        JOIN entities e ON e.kind = j.value ->> 0 AND e.key = j.value ->> 1`
  )
  for (const r of rows) found.set(entitySlot(r.kind, r.key), r.id)
  return found
}

export function insertEntity(db: Db, e: NewEntity): number {
  return Number(
    run(
      db,
      sql`INSERT INTO entities (kind, key, name, user_name, hidden, lat, lon, country)
          VALUES (${e.kind}, ${e.key}, ${e.name}, ${e.userName}, ${e.hidden ? 1 : 0}, ${e.lat}, ${e.lon}, ${e.country})`
    ).lastInsertRowid
  )
}

/** Gives a place its coordinates when it has none yet (a later mention the gazetteer knew). */
export function fillEntityPlace(db: Db, id: number, lat: number, lon: number, country: string | null): void {
  run(db, sql`UPDATE entities SET lat = ${lat}, lon = ${lon}, country = ${country} WHERE id = ${id} AND lat IS NULL`)
}

/** Remembers that a spelling key names a gazetteer place. */
export function putPlaceKey(db: Db, key: string, placeKey: string): void {
  run(db, sql`INSERT INTO place_keys (key, place_key) VALUES (${key}, ${placeKey}) ON CONFLICT (key) DO NOTHING`)
}

/** The gazetteer keys the given spelling keys were seen naming, for those that were. */
export function placeKeysOf(db: Db, keys: readonly string[]): Map<string, string> {
  if (keys.length === 0) return new Map()
  const rows = all<{ key: string; place_key: string }>(db, sql`SELECT key, place_key FROM place_keys WHERE key IN ${sqlList([...new Set(keys)])}`)
  return new Map(rows.map((r) => [r.key, r.place_key]))
}

export function deleteArticleMentions(db: Db, articleId: number): void {
  run(db, sql`DELETE FROM entity_mentions WHERE article_id = ${articleId}`)
}

export function insertMentions(db: Db, articleId: number, mentions: readonly NewMention[]): void {
  if (mentions.length === 0) return
  // One statement per article (tens of mentions each); a mention's place in the list is its seq.
  const rows = JSON.stringify(mentions.map((m) => [m.entityId, m.start, m.end, m.text]))
  run(
    db,
    sql`INSERT INTO entity_mentions (article_id, entity_id, seq, start, end, text)
        SELECT ${articleId}, value ->> 0, json_each.key, value ->> 1, value ->> 2, value ->> 3 FROM json_each(${rows})`
  )
}

/** How one entity is written, with how many mentions each spelling has, most first (for a split). */
export function mentionSpellings(db: Db, entityId: number): { text: string; n: number }[] {
  return all<{ text: string; n: number }>(
    db,
    sql`SELECT text, count(*) AS n FROM entity_mentions WHERE entity_id = ${entityId} GROUP BY text ORDER BY n DESC, text`
  )
}

/** Moves the mentions of `fromId` written exactly as one of `texts` to `toId`. */
export function moveMentions(db: Db, fromId: number, texts: readonly string[], toId: number): void {
  run(db, sql`UPDATE entity_mentions SET entity_id = ${toId} WHERE entity_id = ${fromId} AND text IN ${sqlList(texts)}`)
}

export function moveEntityMentions(db: Db, fromId: number, toId: number): void {
  run(db, sql`UPDATE entity_mentions SET entity_id = ${toId} WHERE entity_id = ${fromId}`)
}

/** Every entity of one kind with its key (for re-keying after a change of rules). */
export function entityKeysOfKind(db: Db, kind: NamedKind): { id: number; key: string }[] {
  return all<{ id: number; key: string }>(db, sql`SELECT id, key FROM entities WHERE kind = ${kind}`)
}

export function setEntityKey(db: Db, id: number, key: string): void {
  run(db, sql`UPDATE entities SET key = ${key} WHERE id = ${id}`)
}

export function hasDecision(db: Db, kind: NamedKind, action: DecisionRow['action'], subject: string): boolean {
  return decisionValue(db, kind, action, subject) !== undefined
}

export function deleteEntityRow(db: Db, id: number): void {
  run(db, sql`DELETE FROM entities WHERE id = ${id}`)
}

export function setEntityUserName(db: Db, id: number, name: string | null): void {
  run(db, sql`UPDATE entities SET user_name = ${name} WHERE id = ${id}`)
}

export function setEntityHiddenColumn(db: Db, id: number, hidden: boolean): void {
  run(db, sql`UPDATE entities SET hidden = ${hidden ? 1 : 0} WHERE id = ${id}`)
}

/**
 * An entity's name: its most used spelling (ties: the longest), a person's most used full name
 * before any lone surname ("Dmitry Zhirnov", named once, over "Zhirnov" twice); its name when it
 * has no spelling.
 */
const NAME_FROM_SPELLINGS = sql`coalesce((SELECT s.text FROM entity_spellings s WHERE s.entity_id = entities.id
                                          ORDER BY entities.kind = 'person' AND instr(s.text, ' ') > 0 DESC,
                                                   s.n DESC, length(s.text) DESC, s.text LIMIT 1), name)`

function renameFromSpellings(db: Db, list: readonly number[]): void {
  run(db, sql`UPDATE entities SET name = ${NAME_FROM_SPELLINGS} WHERE id IN ${sqlList(list)}`)
}

/** How many of an article's mentions one entity has under one spelling. */
export interface SpellingCount {
  entityId: number
  text: string
  n: number
}

/** The stored mentions of an article, counted by entity and spelling. */
export function articleSpellingCounts(db: Db, articleId: number): SpellingCount[] {
  return all<SpellingCount>(
    db,
    sql`SELECT entity_id AS entityId, text, count(*) AS n FROM entity_mentions WHERE article_id = ${articleId} GROUP BY entity_id, text`
  )
}

/** The stored mentions of some articles, counted by entity and spelling, and how many of the articles name each entity. */
export function articlesSpellingCounts(db: Db, articleIds: readonly number[]): { counts: SpellingCount[]; articles: Map<number, number> } {
  const ids = sqlList(articleIds)
  const counts = all<SpellingCount>(
    db,
    sql`SELECT entity_id AS entityId, text, count(*) AS n FROM entity_mentions WHERE article_id IN ${ids} GROUP BY entity_id, text`
  )
  const articles = all<{ id: number; n: number }>(
    db,
    sql`SELECT entity_id AS id, count(DISTINCT article_id) AS n FROM entity_mentions WHERE article_id IN ${ids} GROUP BY entity_id`
  )
  return { counts, articles: new Map(articles.map((r) => [r.id, r.n])) }
}

/**
 * Adds (sign 1) or takes away (sign -1) one article's mentions, counted by entity and spelling,
 * from its entities' counts, spellings and names: what storing or replacing an article costs,
 * whatever the size of the entities. A few statements per article whatever its number of
 * mentions, each taking the list as one JSON parameter. Returns the entities touched. Given
 * `articles` (how many articles name each entity), the counts are those of that many articles
 * at once: each entity and spelling is then written, and journaled, once for all of them.
 */
export function countArticleMentions(db: Db, counts: readonly SpellingCount[], sign: 1 | -1, articles?: ReadonlyMap<number, number>): number[] {
  if (counts.length === 0) return []
  const spellings = JSON.stringify(counts.map((c) => [c.entityId, c.text, c.n]))
  const perEntity = new Map<number, number>()
  for (const c of counts) perEntity.set(c.entityId, (perEntity.get(c.entityId) ?? 0) + c.n)
  if (sign > 0) {
    // `WHERE true` lets SQLite read ON CONFLICT as the upsert's, not as part of a join.
    run(db, sql`INSERT INTO entity_spellings (entity_id, text, n)
                SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(${spellings}) WHERE true
                ON CONFLICT (entity_id, text) DO UPDATE SET n = n + excluded.n`)
  } else {
    // A spelling left with no mention goes (n > 0 is checked); the others lose what the article had.
    run(db, sql`DELETE FROM entity_spellings WHERE (entity_id, text) IN (
                  SELECT s.entity_id, s.text FROM json_each(${spellings}) AS j
                  JOIN entity_spellings s ON s.entity_id = j.value ->> 0 AND s.text = j.value ->> 1
                  WHERE s.n <= j.value ->> 2)`)
    run(db, sql`UPDATE entity_spellings SET n = n - (j.value ->> 2) FROM json_each(${spellings}) AS j
                WHERE entity_spellings.entity_id = j.value ->> 0 AND entity_spellings.text = j.value ->> 1`)
  }
  const entities = JSON.stringify([...perEntity].map(([id, n]) => [id, n, articles?.get(id) ?? 1]))
  // Counts and name in one statement: each entity row (and its place in entities_by_kind)
  // is written once an article instead of twice. The spellings it names from are updated above.
  run(db, sql`UPDATE entities SET mentions = max(0, mentions + ${sign} * (j.value ->> 1)), articles = max(0, articles + ${sign} * (j.value ->> 2)),
                name = ${NAME_FROM_SPELLINGS}
              FROM json_each(${entities}) AS j WHERE entities.id = j.value ->> 0`)
  return [...perEntity.keys()]
}

/**
 * Recounts entities from their mentions alone (after a merge, a split or articles deleted):
 * counts, spellings and name. Reads every mention of each, so it is kept to the user's corrections.
 */
export function recountEntities(db: Db, ids: Iterable<number>): void {
  const list = [...new Set(ids)]
  if (list.length === 0) return
  const json = sqlList(list)
  run(
    db,
    sql`UPDATE entities SET
          mentions = (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = entities.id),
          articles = (SELECT count(DISTINCT m.article_id) FROM entity_mentions m WHERE m.entity_id = entities.id)
        WHERE id IN ${json}`
  )
  run(db, sql`DELETE FROM entity_spellings WHERE entity_id IN ${json}`)
  run(
    db,
    sql`INSERT INTO entity_spellings (entity_id, text, n)
        SELECT entity_id, text, count(*) FROM entity_mentions WHERE entity_id IN ${json} GROUP BY entity_id, text`
  )
  renameFromSpellings(db, list)
}

/** Entity ids after `afterId`, in id order, `limit` at a time (a full recount's batches). */
export function entityIdsFrom(db: Db, afterId: number, limit: number): number[] {
  return all<{ id: number }>(db, sql`SELECT id FROM entities WHERE id > ${afterId} ORDER BY id LIMIT ${limit}`).map((r) => r.id)
}

/** Articles from `afterId` on, in id order, `limit` at a time (an extraction's batches). */
export function articleIdsFrom(db: Db, afterId: number, limit: number): number[] {
  return all<{ id: number }>(db, sql`SELECT id FROM articles WHERE id > ${afterId} ORDER BY id LIMIT ${limit}`).map((r) => r.id)
}

export function articleCount(db: Db): number {
  return get<{ n: number }>(db, sql`SELECT count(*) AS n FROM articles`)!.n
}

/** Clean text and language of the given articles (what extraction reads). */
export function articleTexts(db: Db, ids: readonly number[]): { id: number; text: string; language: string | null }[] {
  return all<{ id: number; body: Uint8Array; language: string | null }>(
    db,
    sql`SELECT id, body, language FROM article_store WHERE id IN ${sqlList(ids)} ORDER BY id`
  ).map((a) => ({ id: a.id, text: unpackText(a.body), language: a.language }))
}

/** Stored entities and mentions in the archive. */
export function entityTotals(db: Db): { entities: number; mentions: number } {
  return get<{ entities: number; mentions: number }>(
    db,
    sql`SELECT (SELECT count(*) FROM entities WHERE mentions > 0) AS entities, (SELECT count(*) FROM entity_mentions) AS mentions`
  )!
}
