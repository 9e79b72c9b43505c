import Database from 'better-sqlite3'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AnnalistError } from '../../shared/errors'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'
import type { Migration } from './migrations/types'
import { registerArticleBody } from './article-body'

export type Db = Database.Database

const SQLITE_MAGIC = 'SQLite format 3\u0000'

/**
 * Reads `user_version` without writing anything, so a newer archive stays byte-identical. With no
 * WAL beside it the file header is authoritative and SQLite is not even opened (a read-only open
 * would leave an empty -wal file behind); with a WAL, SQLite must merge it, read-only.
 */
export function peekSchemaVersion(file: string): number {
  if (!existsSync(file)) return 0
  const header = Buffer.alloc(100)
  const fd = openSync(file, 'r')
  let read: number
  try {
    read = readSync(fd, header, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (read === 0) return 0
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new AnnalistError('archive-invalid', `${file} is not an Annalist archive (not an SQLite database)`)
  }
  if (!existsSync(`${file}-wal`)) return header.readInt32BE(60)
  const db = openReadonlyConnection(file)
  try {
    return db.pragma('user_version', { simple: true }) as number
  } finally {
    db.close()
  }
}

/** Throws `archive-too-new` when `version` is beyond what this build understands. */
export function refuseNewer(version: number, file: string): void {
  if (version > SCHEMA_VERSION) {
    throw new AnnalistError(
      'archive-too-new',
      `${file} was written by a newer Annalist (schema ${version}; this build understands up to ${SCHEMA_VERSION}). Update Annalist to open it; the archive was not changed.`
    )
  }
}

/**
 * Opens a database read-only, waiting (rather than failing with SQLITE_BUSY) while a writer in
 * another process briefly holds the WAL index, e.g. during its recovery after a crash.
 */
export function openReadonlyConnection(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  registerArticleBody(db)
  return db
}

/** Applies connection settings every archive connection needs. */
export function configure(db: Db): void {
  registerArticleBody(db)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
}

/** Runs pending migrations up to `target`, each in its own transaction that bumps user_version. */
export function migrate(db: Db, target = SCHEMA_VERSION, migrations: readonly Migration[] = MIGRATIONS): number {
  let version = db.pragma('user_version', { simple: true }) as number
  refuseNewer(version, db.name)
  for (const m of migrations) {
    if (m.version <= version || m.version > target) continue
    // The pragma is a no-op inside a transaction, so it is switched around the migration's own.
    const restoreForeignKeys = m.foreignKeysOff === true && (db.pragma('foreign_keys', { simple: true }) as number) === 1
    if (restoreForeignKeys) db.pragma('foreign_keys = OFF')
    try {
      db.transaction(() => {
        m.up(db)
        if (m.foreignKeysOff === true && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new AnnalistError('archive-invalid', `${db.name}: migration ${m.version} (${m.name}) would leave dangling references`)
        }
        db.pragma(`user_version = ${m.version}`)
      })()
    } finally {
      if (restoreForeignKeys) db.pragma('foreign_keys = ON')
    }
    version = m.version
  }
  return version
}

export interface OpenDatabaseOptions {
  readonly?: boolean
  /** Stop migrating at this version (tests of a single migration). */
  targetVersion?: number
}

/** Where the untouched copy of a database of schema `version` is kept before it is upgraded. */
export function preUpgradeCopyPath(file: string, version: number): string {
  return join(dirname(file), 'pre-upgrade', `archive-schema-${version}.sqlite`)
}

/** The copies kept before upgrades (`keepCopyBeforeUpgrade`), oldest schema first, with their sizes. */
export function preUpgradeCopies(file: string): { version: number; path: string; bytes: number }[] {
  const folder = dirname(preUpgradeCopyPath(file, 0))
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .flatMap((name) => {
      const version = Number(/^archive-schema-(\d+)\.sqlite$/.exec(name)?.[1] ?? NaN)
      const path = join(folder, name)
      return Number.isInteger(version) && path === preUpgradeCopyPath(file, version) ? [{ version, path, bytes: statSync(path).size }] : []
    })
    .sort((a, b) => a.version - b.version)
}

/**
 * Migrations are transactional, but a wrong one would still commit wrong data; a copy of the
 * database as it was lets the user (or a fixed build) start over. The first copy per version is
 * kept; it is written under a temporary name and renamed, so a crash never leaves a partial one.
 */
function keepCopyBeforeUpgrade(db: Db, file: string, version: number): void {
  const target = preUpgradeCopyPath(file, version)
  if (existsSync(target)) return
  mkdirSync(dirname(target), { recursive: true })
  // Leftovers of a copy interrupted by a crash.
  for (const name of readdirSync(dirname(target))) {
    if (name.startsWith(`${basename(target)}.`) && name.endsWith('.tmp')) rmSync(join(dirname(target), name), { force: true })
  }
  const tmp = `${target}.${process.pid}.tmp`
  db.prepare('VACUUM INTO ?').run(tmp)
  renameSync(tmp, target)
}

/** Opens (creating if needed) and migrates an archive database; refuses newer schemas untouched. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  refuseNewer(peekSchemaVersion(file), file)
  if (options.readonly) {
    const db = openReadonlyConnection(file)
    db.pragma('foreign_keys = ON')
    const version = db.pragma('user_version', { simple: true }) as number
    if (version !== SCHEMA_VERSION) {
      db.close()
      throw new AnnalistError(
        'archive-invalid',
        `${file} has schema ${version}; open it for writing once to upgrade it to ${SCHEMA_VERSION}`
      )
    }
    return db
  }
  const db = new Database(file)
  try {
    configure(db)
    const target = options.targetVersion ?? SCHEMA_VERSION
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > 0 && version < target) keepCopyBeforeUpgrade(db, file, version)
    migrate(db, target)
  } catch (err) {
    db.close()
    throw err
  }
  return db
}
