/**
 * What an archive says about itself: its id (a random value given at its first writable open,
 * kept in the archive so it follows the folder when moved or copied) and whether it is the
 * separate sample archive first run made.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../db'
import { run, sql } from '../sql'
import { readSetting, writeSetting } from './settings'

const ID_SETTING = 'archive.id'
const SAMPLE_MARK_SETTING = 'archive.sample'

/** Gives the archive its id unless it has one (idempotent; needs a writable connection). */
export function ensureArchiveId(db: Db): void {
  run(db, sql`INSERT OR IGNORE INTO settings (key, value) VALUES (${ID_SETTING}, ${randomUUID()})`)
}

/** The archive's id, or null when no writable open has given it one yet. */
export function archiveId(db: Db): string | null {
  return readSetting(db, ID_SETTING) ?? null
}

/** Marks the archive as the sample archive: only a marked archive may be removed as the sample. */
export function markSampleArchive(db: Db): void {
  writeSetting(db, SAMPLE_MARK_SETTING, '1')
}

export function isSampleArchive(db: Db): boolean {
  return readSetting(db, SAMPLE_MARK_SETTING) === '1'
}
