import type { Db } from '../db'

/**
 * Copies the database into `file` with SQLite's online backup API. All pages go in one step,
 * inside one read transaction: a writer committing meanwhile (another process, WAL mode) can
 * neither tear the copy nor make the backup restart over and over.
 */
export async function snapshotDatabase(db: Db, file: string): Promise<void> {
  await db.backup(file, { progress: () => 0x7fffffff })
}
