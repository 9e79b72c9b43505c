/**
 * Which articles' names were found by rules older than this build's (`ENTITY_RULES_VERSION`).
 * Only those articles are listed (`entity_stale`, migration 030), so an archive that is up to date
 * holds nothing and an import pays one delete from an empty table per article.
 */
import type { Db } from '../db'
import { all, get, run, sql } from '../sql'
import { readSetting, writeSetting } from './settings'

/** The rules version this archive's newest names were found by. */
const RULES_SETTING = 'entities.rules'
/** The rules version the stored entity keys and decisions are keyed by (`entities/rekey.ts`). */
const KEYS_SETTING = 'entities.keys'

/**
 * Called on every writable open. A build whose rules differ from the ones the archive last saw
 * marks every article stale; a first open after migration 030 only records the version, since
 * the migration marked the articles it found. A lower version (an older build) marks them too:
 * what it imports is read by older rules, and the newer build cannot tell those articles apart.
 */
export function noteEntityRules(db: Db, version: number): void {
  const seen = readSetting(db, RULES_SETTING)
  if (seen === String(version)) return
  db.transaction(() => {
    if (seen !== undefined) run(db, sql`INSERT OR IGNORE INTO entity_stale (article_id) SELECT id FROM article_store`)
    writeSetting(db, RULES_SETTING, String(version))
  })()
}

/** How many articles have names from older rules. */
export function staleEntityCount(db: Db): number {
  return get<{ n: number }>(db, sql`SELECT count(*) AS n FROM entity_stale`)!.n
}

/** Stale articles after `after`, in id order: the batches of a job that reads only them. */
export function staleEntityArticleIds(db: Db, after: number, limit: number): number[] {
  return all<{ id: number }>(db, sql`SELECT article_id AS id FROM entity_stale WHERE article_id > ${after} ORDER BY article_id LIMIT ${limit}`).map((r) => r.id)
}

/** The article's names were just found by this build's rules. */
export function clearStaleEntities(db: Db, articleId: number): void {
  run(db, sql`DELETE FROM entity_stale WHERE article_id = ${articleId}`)
}

/** The rules version stored keys were brought to last (undefined before any). */
export function entityKeysVersion(db: Db): number | undefined {
  const v = readSetting(db, KEYS_SETTING)
  return v === undefined ? undefined : Number(v)
}

export function setEntityKeysVersion(db: Db, version: number): void {
  writeSetting(db, KEYS_SETTING, String(version))
}
