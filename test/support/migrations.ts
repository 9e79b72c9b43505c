/*
 * Migration tests. For a new migration 00N, add test/main/archive/migrations/00N-name.test.ts:
 *
 *   const { db, before, after } = runMigrationCase({ version: 5, seed(db) { seedSchema1(db); ...rows of 2..4 } })
 *   // then assert what the migration adds or reshapes (declare reshaped tables in `reshaped`)
 *
 * runMigrationCase migrates a temp database to the migration before N, seeds it, migrates to N, and requires every
 * earlier row to survive unchanged, every FTS index in sync and no dangling foreign key.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, expect } from 'vitest'
import { configure, migrate, type Db } from '../../src/main/archive/db'
import { ftsTables } from '../../src/main/archive/maintenance/check'
import { MIGRATIONS } from '../../src/main/archive/migrations'
import { tempDir } from './tmp'

/** Every row of every ordinary table, keyed by table; virtual tables and FTS shadow tables are left out. */
export type TableRows = Record<string, Record<string, unknown>[]>

const opened: Db[] = []

afterEach(() => {
  while (opened.length) opened.pop()!.close()
})

/** A database file in a temp folder, migrated exactly to `version` (0 = empty). */
export function databaseAt(version: number): Db {
  const db = new Database(join(tempDir('annalist-migration-'), 'archive.sqlite'))
  opened.push(db)
  configure(db)
  if (version > 0) migrate(db, version)
  expect(db.pragma('user_version', { simple: true })).toBe(version)
  return db
}

/** Names of the ordinary tables (no sqlite_*, no FTS tables or their shadow tables). */
export function ordinaryTables(db: Db): string[] {
  const fts = ftsTables(db)
  return db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`
    )
    .all()
    .map((r) => r.name)
    .filter((name) => !fts.some((f) => name.startsWith(`${f}_`)))
}

/** Snapshot of all ordinary tables' rows in a stable order (by every column). */
export function tableRows(db: Db): TableRows {
  const out: TableRows = {}
  for (const table of ordinaryTables(db)) {
    const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => `"${c.name}"`)
    out[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY ${columns.join(', ')}`).all() as Record<string, unknown>[]
  }
  return out
}

/** Fails unless every FTS index matches its content and no foreign key dangles. */
export function expectConsistent(db: Db): void {
  for (const table of ftsTables(db)) {
    db.prepare(`INSERT INTO "${table}"("${table}", rank) VALUES ('integrity-check', 1)`).run()
  }
  expect(db.pragma('foreign_key_check')).toEqual([])
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
}

export interface MigrationCase {
  /** The migration under test; the database is seeded at the version of the migration before it. */
  version: number
  /** Puts representative rows into the schema of `version - 1`. */
  seed(db: Db): void
  /** Tables the migration rewrites on purpose; their rows are left to `verify`. */
  reshaped?: string[]
  /**
   * The version `seed` writes for, when older than `version - 1`: the database is seeded there and
   * migrated to the version before N first (seedSchema1's rows need columns later migrations drop).
   */
  seedAt?: number
}

/** What a migration test gets back to make its own assertions. */
export interface MigrationResult {
  db: Db
  before: TableRows
  after: TableRows
}

/**
 * The standard migration test: migrate to N-1, seed, migrate to N, then require every row that
 * existed before to still exist with the same values in its old columns (new columns may be
 * added), every FTS index in sync and no dangling foreign keys.
 */
export function runMigrationCase(c: MigrationCase): MigrationResult {
  // Versions may skip numbers (a number kept for a migration on another branch): seed at the one before.
  const previous = Math.max(0, ...MIGRATIONS.map((m) => m.version).filter((v) => v < c.version))
  const db = databaseAt(c.seedAt ?? previous)
  c.seed(db)
  migrate(db, previous)
  const before = tableRows(db)
  migrate(db, c.version)
  expect(db.pragma('user_version', { simple: true })).toBe(c.version)
  const after = tableRows(db)
  for (const [table, rows] of Object.entries(before)) {
    if (c.reshaped?.includes(table)) continue
    expect(after, `table ${table} disappeared`).toHaveProperty(table)
    const projected = after[table]!.map((row) => Object.fromEntries(Object.keys(rows[0] ?? row).map((k) => [k, row[k]])))
    expect(projected, `rows of ${table} changed`).toEqual(rows)
  }
  expectConsistent(db)
  return { db, before, after }
}
