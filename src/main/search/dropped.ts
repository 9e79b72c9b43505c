import type { Db } from '../archive/db'
import { readSetting, writeSetting } from '../archive/repo/settings'

/**
 * Spellings the user dropped from a query's expansions ("not this one"), remembered per query
 * text in the archive's settings, so the query reads the same the next time and on every device
 * that opens the archive.
 */
function settingKey(query: string): string {
  return `search.dropped-spellings:${query.trim()}`
}

/** The spellings dropped for this query text (none when never set). */
export function droppedSpellings(db: Db, query: string): Set<string> {
  const stored = readSetting(db, settingKey(query))
  if (!stored) return new Set()
  const parsed: unknown = JSON.parse(stored)
  return new Set(Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [])
}

/** Replaces the spellings dropped for this query text. */
export function setDroppedSpellings(db: Db, query: string, spellings: readonly string[]): string[] {
  const list = [...new Set(spellings)].sort()
  writeSetting(db, settingKey(query), JSON.stringify(list))
  return list
}
