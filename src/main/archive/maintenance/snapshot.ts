import { rmSync } from 'node:fs'
import type { Db } from '../db'

/**
 * Copies the database into `file` with SQLite's online backup API. All pages go in one step,
 * inside one read transaction: a writer committing meanwhile (another process, WAL mode) can
 * neither tear the copy nor make the backup restart over and over.
 */
export async function snapshotDatabase(db: Db, file: string): Promise<void> {
  await db.backup(file, { progress: () => 0x7fffffff })
}

/**
 * Removes a snapshot and the files SQLite keeps beside it: a snapshot of a WAL archive is itself
 * in WAL mode, and a read-only connection to it leaves its -wal and -shm behind when it closes.
 */
export function removeSnapshot(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true })
}
