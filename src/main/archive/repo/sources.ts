import type { Db } from '../db'
import { now } from '../clock'
import { prepared } from '../statements'

/** Finds an outlet by name or alias, creating it when unknown; returns its id. */
export function ensureSource(db: Db, name: string): number {
  const trimmed = name.trim()
  const byAlias = prepared<[string], { source_id: number }>(db, 'SELECT source_id FROM source_aliases WHERE alias = ?').get(
    trimmed
  )
  if (byAlias) return byAlias.source_id
  const existing = prepared<[string], { id: number }>(db, 'SELECT id FROM sources WHERE name = ?').get(trimmed)
  if (existing) return existing.id
  return Number(db.prepare('INSERT INTO sources (name, created_at) VALUES (?, ?)').run(trimmed, now()).lastInsertRowid)
}

/** Records another spelling of an outlet, e.g. "ТАСС" for "TASS". */
export function addSourceAlias(db: Db, sourceId: number, alias: string): void {
  db.prepare('INSERT OR REPLACE INTO source_aliases (alias, source_id) VALUES (?, ?)').run(alias.trim(), sourceId)
}
