import type { Db } from '../db'
import { get, run, sql } from '../sql'

/** One value of the archive's own key/value settings (first-run decisions and the like). */
export function readSetting(db: Db, key: string): string | undefined {
  return get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`)?.value
}

export function writeSetting(db: Db, key: string, value: string): void {
  run(db, sql`INSERT INTO settings (key, value) VALUES (${key}, ${value}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
}
