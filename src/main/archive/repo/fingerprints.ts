/**
 * Paragraph fingerprints: which stored paragraphs carry each sampled hash of their words, for
 * near-duplicate lookups (`import/dedupe/near.ts`).
 *
 * Two tables hold them. `paragraph_fingerprints` is keyed by hash, what lookups ask, so each new
 * row lands at a random place in it: at 100,000 articles every row an import stored dirtied its
 * own page, about 160 pages written to the WAL and checkpointed again per article, the largest
 * share of the writer's time and the reason import slowed as the archive grew. New rows go to
 * `paragraph_fingerprints_recent` instead, one row per article holding its [hash, ordinal] pairs
 * as a JSON array, so an import appends one row per article. The writer indexes those by hash in
 * memory (`fingerprint-memory.ts`), and when they reach RECENT_FINGERPRINTS it merges them into
 * the large table in hash order: a merge writes each page of the large table once for many rows.
 * That is one level of a log-structured merge tree.
 *
 * The memory index follows the table through a stamp: every change to the recent rows writes a
 * new stamp in the same transaction, and the index holds the stamp it saw last. A rollback, an
 * undo replaying the table, or another connection's change leave the two unequal, and the index
 * is rebuilt from the table before it is used.
 *
 * Neither table is indexed by article: that index was as large as the table (0.68× the clean
 * text). A paragraph's fingerprints are a pure function of its text, so its rows are found by
 * primary key from the text stored beside them. Recomputing gives every fingerprint the
 * paragraph looks up, a superset of the rows stored for it (fewer for a long paragraph, and none
 * past an import's budget), so rows stored before or after the stored sample was thinned are found
 * alike. Rows the text no longer yields (fingerprints of a text replaced before migration 016)
 * stay as orphans; they cost a candidate lookup that finds no paragraph, never a false link, since
 * every candidate is verified against the stored text.
 */
import { randomInt } from 'node:crypto'
import type { Db } from '../db'
import { prepared } from '../statements'
import { paragraphFingerprints } from '../../text/shingles'
import { paragraphsWithText, type StoredParagraph } from './paragraph-text'
import { FingerprintMemory, type FingerprintRow } from './fingerprint-memory'

export type { FingerprintRow } from './fingerprint-memory'

/**
 * Recent rows merged at once. At 100,000 articles the large table has about 63,000 pages and a
 * merge rewrites nearly all of them, so its cost follows the table more than the rows merged:
 * 800,000 rows (about 5,000 articles) take one merge where 400,000 took two, and hold up to 36 MB
 * of the writer's memory instead of 18 (8,000 articles into copies of a 100,000 archive, three
 * runs of each: a merge of 400,000 rows 4.3-5.6 s, of 800,000 5.4-8.7 s; DESIGN, stop 53).
 */
export const RECENT_FINGERPRINTS = 800_000

/** What finding a paragraph's rows needs. */
type Fingerprinted = Pick<StoredParagraph, 'ordinal' | 'text'>

/** A recent row of one article, as its JSON array holds it: [hash, ordinal]. */
type Pair = readonly [number, number]

const pairKey = ([hash, ordinal]: Pair): string => `${hash},${ordinal}`

/** The recent rows of one article (none: an empty list). */
function recentPairs(db: Db, articleId: number): Pair[] {
  const pairs = prepared<[number], string>(db, 'SELECT pairs FROM paragraph_fingerprints_recent WHERE article_id = ?').pluck().get(articleId)
  return pairs === undefined ? [] : (JSON.parse(pairs) as Pair[])
}

/** Replaces the recent rows of one article (its row goes when none are left). */
function writeRecentPairs(db: Db, articleId: number, pairs: readonly Pair[]): void {
  if (pairs.length === 0) prepared(db, 'DELETE FROM paragraph_fingerprints_recent WHERE article_id = ?').run(articleId)
  else {
    prepared(
      db,
      `INSERT INTO paragraph_fingerprints_recent (article_id, pairs) VALUES (?, ?)
       ON CONFLICT (article_id) DO UPDATE SET pairs = excluded.pairs`
    ).run(articleId, JSON.stringify(pairs))
  }
}

interface Recent {
  memory: FingerprintMemory
  stamp: number
}

const recentOf = new WeakMap<Db, Recent>()

/** The recent rows by hash, as the table holds them now. */
function recent(db: Db): FingerprintMemory {
  const stamp = prepared<[], number>(db, 'SELECT stamp FROM paragraph_fingerprints_stamp WHERE id = 1').pluck().get()!
  let r = recentOf.get(db)
  if (r?.stamp === stamp) return r.memory
  r = { memory: r?.memory ?? new FingerprintMemory(), stamp }
  r.memory.clear()
  const articles = prepared<[], [number, string]>(db, 'SELECT article_id, pairs FROM paragraph_fingerprints_recent').raw()
  for (const [articleId, pairs] of articles.iterate()) {
    for (const [hash, ordinal] of JSON.parse(pairs) as Pair[]) r.memory.add(hash, articleId, ordinal)
  }
  recentOf.set(db, r)
  return r.memory
}

/** Records a change of the recent rows already made in the table and in memory. */
function changed(db: Db): void {
  // Never reused, so a stamp rolled back to (or replayed by undo) cannot match a later change.
  const stamp = randomInt(2 ** 47)
  prepared(db, 'UPDATE paragraph_fingerprints_stamp SET stamp = ? WHERE id = 1').run(stamp)
  recentOf.get(db)!.stamp = stamp
}

/**
 * How many stored paragraphs carry each hash, counting no further than `cap`, in the order
 * given.
 */
export function fingerprintCounts(db: Db, hashes: readonly number[], cap: number): { hash: number; n: number }[] {
  const memory = recent(db)
  // Most hashes are in no stored paragraph (89 % of an article's at 100,000): an EXISTS probe
  // answers those, and only the others are counted. Counting every hash, each through a capped
  // subquery, took 0.65–0.90 ms an article at 100,000 against 0.50–0.60 this way.
  const stored = new Map(
    prepared<[number, string], [number, number]>(
      db,
      `SELECT j.value, (SELECT count(*) FROM (SELECT 1 FROM paragraph_fingerprints f WHERE f.hash = j.value LIMIT ?))
       FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM paragraph_fingerprints f WHERE f.hash = j.value)`
    )
      .raw(true)
      .all(cap, JSON.stringify(hashes))
  )
  return hashes.map((hash) => ({ hash, n: Math.min(cap, (stored.get(hash) ?? 0) + memory.count(hash, cap)) }))
}

/** The rows of the given hashes, the first `limit` in (hash, article, ordinal) order. */
export function fingerprintRows(db: Db, hashes: readonly number[], limit: number): FingerprintRow[] {
  const memory = recent(db)
  const rows = prepared<[string, number], FingerprintRow>(
    db,
    `SELECT hash, article_id, ordinal FROM paragraph_fingerprints WHERE hash IN (SELECT value FROM json_each(?))
     ORDER BY hash, article_id, ordinal LIMIT ?`
  ).all(JSON.stringify(hashes), limit)
  for (const h of new Set(hashes)) memory.rows(h, rows)
  return rows.sort((a, b) => a.hash - b.hash || a.article_id - b.article_id || a.ordinal - b.ordinal).slice(0, limit)
}

/**
 * Stores fingerprints of one article's paragraphs, as [hash, ordinal] pairs. With `mayMerge`
 * (an import, never inside an undoable action, whose log would take every moved row), a full set
 * of recent rows is merged into the large table afterwards.
 */
export function storeFingerprints(db: Db, articleId: number, rows: readonly Pair[], mayMerge = false): void {
  const memory = recent(db)
  // Rows held already are left out, as the table's primary key did when it had a row each. The
  // table is written before the memory, so a failed write leaves the memory as it was.
  const seen = new Set<string>()
  const fresh = rows.filter((pair) => {
    const key = pairKey(pair)
    if (seen.has(key) || memory.has(pair[0], articleId, pair[1])) return false
    seen.add(key)
    return true
  })
  if (fresh.length === 0) return
  // Appended to the article's row in SQL: an import's article has none yet, and reading it first
  // would be one more statement per article for nothing.
  prepared(
    db,
    `INSERT INTO paragraph_fingerprints_recent (article_id, pairs) VALUES (?, ?)
     ON CONFLICT (article_id) DO UPDATE SET pairs = (
       SELECT json_group_array(json(value)) FROM (
         SELECT value FROM json_each(paragraph_fingerprints_recent.pairs) UNION ALL SELECT value FROM json_each(excluded.pairs)))`
  ).run(articleId, JSON.stringify(fresh))
  for (const [hash, ordinal] of fresh) memory.add(hash, articleId, ordinal)
  changed(db)
  if (mayMerge && memory.size >= RECENT_FINGERPRINTS) mergeRecentFingerprints(db)
}

/** Moves every recent row into the large table, in its key order. */
export function mergeRecentFingerprints(db: Db): void {
  const memory = recent(db)
  prepared(
    db,
    `INSERT OR IGNORE INTO paragraph_fingerprints (hash, article_id, ordinal)
     SELECT j.value ->> 0, r.article_id, j.value ->> 1 FROM paragraph_fingerprints_recent r, json_each(r.pairs) j ORDER BY 1, 2, 3`
  ).run()
  prepared(db, 'DELETE FROM paragraph_fingerprints_recent').run()
  memory.clear()
  changed(db)
}

/** Deletes the fingerprint rows of the given paragraphs of one article. */
export function deleteParagraphFingerprints(db: Db, articleId: number, paragraphs: readonly Fingerprinted[]): void {
  const memory = recent(db)
  const large = prepared(db, 'DELETE FROM paragraph_fingerprints WHERE hash = ? AND article_id = ? AND ordinal = ?')
  const gone: Pair[] = []
  for (const p of paragraphs) {
    for (const h of paragraphFingerprints(p.text).lookup) {
      large.run(h, articleId, p.ordinal)
      if (memory.has(h, articleId, p.ordinal)) gone.push([h, p.ordinal])
    }
  }
  // The stamp follows the recent rows only: rows removed from the large table alone leave it.
  if (gone.length === 0) return
  const keys = new Set(gone.map(pairKey))
  writeRecentPairs(db, articleId, recentPairs(db, articleId).filter((pair) => !keys.has(pairKey(pair))))
  for (const [h, o] of gone) memory.remove(h, articleId, o)
  changed(db)
}

/** Moves a paragraph's fingerprint rows from one ordinal to another. */
export function renumberParagraphFingerprints(db: Db, articleId: number, text: string, from: number, to: number): void {
  const memory = recent(db)
  const large = prepared(db, 'UPDATE paragraph_fingerprints SET ordinal = ? WHERE hash = ? AND article_id = ? AND ordinal = ?')
  const moving = new Set<number>()
  for (const h of paragraphFingerprints(text).lookup) {
    large.run(to, h, articleId, from)
    if (memory.has(h, articleId, from)) moving.add(h)
  }
  if (moving.size === 0) return
  writeRecentPairs(
    db,
    articleId,
    recentPairs(db, articleId).map(([h, o]): Pair => (o === from && moving.has(h) ? [h, to] : [h, o]))
  )
  for (const h of moving) {
    memory.remove(h, articleId, from)
    memory.add(h, articleId, to)
  }
  changed(db)
}

/** Stores the fingerprints of the given paragraphs (an import stores those within its budget instead). */
export function insertParagraphFingerprints(db: Db, articleId: number, paragraphs: readonly Fingerprinted[]): void {
  storeFingerprints(
    db,
    articleId,
    paragraphs.flatMap((p) => paragraphFingerprints(p.text).stored.map((h) => [h, p.ordinal] as const))
  )
}

/** Deletes every fingerprint row of the given articles, before the articles themselves go. */
export function deleteArticleFingerprints(db: Db, articleIds: readonly number[]): void {
  for (const [articleId, paragraphs] of paragraphsWithText(db, articleIds)) deleteParagraphFingerprints(db, articleId, paragraphs)
}
