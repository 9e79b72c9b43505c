/**
 * Finding entities by what a user types: the entity list's prefixes and the search filters'
 * names. Substring tests on names read every entity of a kind, so they run on the candidates
 * of the names' trigram index (migration 032) and the spellings' index by text (033).
 */
import type { Db } from '../db'
import { all, get, likeLiteral, likePrefix, sql, sqlJoin, sqlList, sqlWhere, type SqlFragment } from '../sql'
import { matchedAsWord, NAMED_KINDS, type NamedKind } from '../../../shared/entities'

export interface EntityListQuery {
  kind?: NamedKind
  /** The prefix as typed (matched against names and spellings). */
  prefix?: string
  /**
   * The prefix's grouping key for each kind (a person's key folds vowels that others keep),
   * matched against the keys of that kind (each word's start), so any spelling or script finds
   * the entity without reading its mentions. A kind's key is matched against its own kind only:
   * "ta" folds to "ti" for a person, which is "the" in an organisation's key.
   */
  keyPrefixes?: Partial<Readonly<Record<NamedKind, string>>>
  includeHidden?: boolean
  limit: number
  offset: number
}

const NAME_COLUMNS = { key: sql`key`, name: sql`name`, user_name: sql`user_name` }

/** A column of the names index and a LIKE pattern for it. */
type NameLike = readonly [keyof typeof NAME_COLUMNS, string]

/**
 * The entities the names index (migration 032) holds under any of the patterns, as one query.
 * Its LIKE takes no ESCAPE (SQLite hands a virtual table no LIKE with one): a % or _ typed is a
 * wildcard there, which gives more candidates, never fewer; the caller's exact test decides.
 */
function namesLike(likes: readonly NameLike[]): SqlFragment {
  return sqlJoin(
    likes.map(([column, pattern]) => sql`SELECT rowid FROM entity_names WHERE ${NAME_COLUMNS[column]} LIKE ${pattern}`),
    ' UNION ALL '
  )
}

/** Ids of entities with mentions, most articles first, and how many match. */
export function listEntityIds(db: Db, q: EntityListQuery): { ids: number[]; total: number } {
  const where: SqlFragment[] = [sql`e.mentions > 0`]
  if (!q.includeHidden) where.push(sql`e.hidden = 0`)
  const kinds = q.kind ? [q.kind] : NAMED_KINDS
  const ofKinds = sql`e.kind IN ${sqlList(kinds)}`
  const typed = q.prefix?.trim()
  let total: number | null = null
  if (typed) {
    const keys = Object.entries(q.keyPrefixes ?? {}).filter(([kind, key]) => key !== '' && kinds.includes(kind as NamedKind)) as [NamedKind, string][]
    const named = namedFrom(db, typed, keys)
    where.push(named.test)
    if (named.candidates) where.push(sql`e.id IN ${sqlList(named.candidates)}`)
    else {
      // No index narrows the test: it is counted in one pass over the table (walking the list's
      // index would read each row it names: 200 ms for a prefix no organisation had at 100,000
      // generated articles). Walking each kind's order to the page reads about
      // (offset + limit) × entities / matches rows: it is taken where that is under an eighth of
      // them; the few matches of a rarer prefix are sorted in a second pass instead.
      total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM entities e NOT INDEXED ${sqlWhere([ofKinds, ...where])}`)!.n
      if (total === 0 || q.offset >= total) return { ids: [], total }
      if ((q.offset + q.limit) * 8 > total) {
        const ids = all<{ id: number }>(
          db,
          sql`SELECT e.id FROM entities e NOT INDEXED ${sqlWhere([ofKinds, ...where])}
              ORDER BY e.articles DESC, e.id LIMIT ${q.limit} OFFSET ${q.offset}`
        ).map((r) => r.id)
        return { ids, total }
      }
    }
  }
  total ??= get<{ n: number }>(db, sql`SELECT count(*) AS n FROM entities e ${sqlWhere([ofKinds, ...where])}`)!.n
  // Each kind's first offset + limit from the index, merged: no row of a kind is read past its page.
  const pages = kinds.map(
    (kind) =>
      sql`SELECT id, articles FROM (SELECT e.id, e.articles FROM entities e ${sqlWhere([sql`e.kind = ${kind}`, ...where])}
          ORDER BY e.articles DESC, e.id LIMIT ${q.offset + q.limit})`
  )
  const ids = all<{ id: number }>(
    db,
    sql`SELECT id FROM (${sqlJoin(pages, ' UNION ALL ')}) ORDER BY articles DESC, id LIMIT ${q.limit} OFFSET ${q.offset}`
  ).map((r) => r.id)
  return { ids, total }
}

/**
 * The entity list's test for a typed prefix: the shown name or the user's name starts with it, or
 * the key or a word of the key starts with its key for the entity's kind; and where each has a trigram, the
 * candidates of the names index (migration 032) it need only be run on, instead of every entity
 * of the kind: 498–541 ms for "shum" among 164,036 organisations at 100,000 generated articles.
 */
function namedFrom(db: Db, typed: string, keys: readonly (readonly [NamedKind, string])[]): { test: SqlFragment; candidates: number[] | null } {
  const p = likePrefix(typed)
  const byKey = keys.map(
    ([kind, k]) => sql`(e.kind = ${kind} AND (e.key LIKE ${likePrefix(k)} ESCAPE '\\' OR e.key LIKE ${`% ${likePrefix(k)}`} ESCAPE '\\'))`
  )
  const test = sql`(${sqlJoin([sql`e.name LIKE ${p} ESCAPE '\\'`, sql`e.user_name LIKE ${p} ESCAPE '\\'`, ...byKey], ' OR ')})`
  // A name matched only as a word is one letter short of a trigram: the index cannot find it.
  if ([typed, ...keys.map(([, k]) => k)].some(matchedAsWord)) return { test, candidates: null }
  const candidates = namesLike([
    ['name', `${typed}%`],
    ['user_name', `${typed}%`],
    ...keys.flatMap(([, k]): NameLike[] => [['key', `${k}%`], ['key', `% ${k}%`]])
  ])
  // Read once, not once for the count and again for each kind's page.
  return { test, candidates: all<{ id: number }>(db, sql`SELECT DISTINCT rowid AS id FROM (${candidates})`).map((r) => r.id) }
}

/**
 * Articles mentioning an entity of this kind whose effective key is one of `keys` or holds one of
 * them as a word (a surname finds the full name), that was seen spelled `text` or renamed so, or
 * whose shown name contains `text`. A text or key shorter than a trigram is matched as a word
 * only: inside words two letters mean little (`org:UN` found every organisation containing "un",
 * 38,453 of 100,000 generated articles, in 374 ms reading all 164,039 names).
 */
export function articleIdsMentioning(db: Db, kind: NamedKind, keys: readonly string[], text: string): number[] {
  const words = keys.map((k) => `% ${likeLiteral(k)} %`)
  const lowered = likeLiteral(text.toLowerCase())
  const shown = matchedAsWord(text)
    ? sql`' ' || lower(coalesce(e.user_name, e.name)) || ' ' LIKE ${`% ${lowered} %`} ESCAPE '\\'`
    : sql`lower(coalesce(e.user_name, e.name)) LIKE ${`%${lowered}%`} ESCAPE '\\'`
  // The substring tests read every entity of the kind (314–415 ms a name for organisations at
  // 100,000 generated articles), so they run on the candidates of the trigram index (migration
  // 032) only (`namesLike`). A short word is looked for with the spaces around it, which make
  // its trigrams.
  const within = (s: string): string[] => (matchedAsWord(s) ? [`${s} %`, `% ${s} %`, `% ${s}`] : [`%${s}%`])
  const candidates = namesLike([
    ...keys.flatMap((k) => within(k).map((p): NameLike => ['key', p])),
    ...within(text).flatMap((p): NameLike[] => [['name', p], ['user_name', p]])
  ])
  // `+e.kind` keeps the planner from walking the kind's index over every entity of the kind.
  return all<{ article_id: number }>(
    db,
    sql`SELECT DISTINCT m.article_id FROM entity_mentions m WHERE m.entity_id IN (
          SELECT e.id FROM entities e WHERE e.kind = ${kind} AND e.key IN ${sqlList(keys)}
          UNION
          SELECT s.entity_id FROM entity_spellings s JOIN entities e ON e.id = s.entity_id
          WHERE s.text = ${text} COLLATE NOCASE AND +e.kind = ${kind}
          UNION
          SELECT e.id FROM entity_decisions d JOIN entities e ON e.kind = d.kind AND e.key = d.subject
          WHERE d.kind = ${kind} AND d.action = 'rename' AND d.value = ${text} COLLATE NOCASE
          UNION
          SELECT e.id FROM entities e WHERE e.id IN (${candidates}) AND +e.kind = ${kind} AND (
            EXISTS (SELECT 1 FROM json_each(${JSON.stringify(words)}) w WHERE ' ' || e.key || ' ' LIKE w.value ESCAPE '\\')
            OR ${shown}))`
  ).map((r) => r.article_id)
}
