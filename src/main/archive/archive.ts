import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openDatabase, type Db } from './db'
import { ensureArchiveId } from './repo/identity'
import { noteEntityRules } from './repo/entity-rules'
import { ENTITY_RULES_VERSION } from '../version'
import { acquireLock, breakLockOfDeadThread, type ArchiveLock } from './lock'

/** An open archive: its directory, database connection and originals folder. */
export interface Archive {
  readonly dir: string
  readonly dbFile: string
  readonly originalsDir: string
  readonly db: Db
  readonly readonly: boolean
  close(): void
}

export interface OpenArchiveOptions {
  /** Read-only opens take no lock and never migrate. */
  readonly?: boolean
}

function lockFile(dir: string): string {
  return join(resolve(dir), 'archive.lock')
}

/** Frees the write lock a crashed writer thread of this process left on the archive in `dir`. */
export function releaseLockOfDeadWriter(dir: string): void {
  breakLockOfDeadThread(lockFile(dir))
}

/** Opens the archive in `dir`, creating it if needed; writers hold the single-writer lock. */
export function openArchive(dir: string, options: OpenArchiveOptions = {}): Archive {
  const root = resolve(dir)
  const dbFile = join(root, 'archive.sqlite')
  const originalsDir = join(root, 'originals')
  if (options.readonly) {
    const db = openDatabase(dbFile, { readonly: true })
    return { dir: root, dbFile, originalsDir, db, readonly: true, close: () => db.close() }
  }
  mkdirSync(originalsDir, { recursive: true })
  const lock: ArchiveLock = acquireLock(lockFile(root))
  let db: Db
  try {
    db = openDatabase(dbFile)
  } catch (err) {
    lock.release()
    throw err
  }
  try {
    ensureArchiveId(db)
    noteEntityRules(db, ENTITY_RULES_VERSION)
  } catch (err) {
    db.close()
    lock.release()
    throw err
  }
  let closed = false
  return {
    dir: root,
    dbFile,
    originalsDir,
    db,
    readonly: false,
    close() {
      if (closed) return
      closed = true
      try {
        db.close()
      } finally {
        lock.release()
      }
    }
  }
}
