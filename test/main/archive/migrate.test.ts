import Database from 'better-sqlite3'
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { configure, migrate, openDatabase, preUpgradeCopyPath } from '../../../src/main/archive/db'
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/main/archive/migrations'
import { sha256 } from '../../../src/main/archive/originals'
import { AnnalistError } from '../../../src/shared/errors'
import { seedArticles } from '../../support/archive-seed'
import { allRows } from '../../support/archive-compare'
import { databaseAt, tableRows } from '../../support/migrations'
import { seedSchema1 } from '../../support/seed-v1'
import { tempDir } from '../../support/tmp'

function hashes(dbFile: string): Record<string, string | null> {
  const read = (f: string): string | null => (existsSync(f) ? sha256(readFileSync(f)) : null)
  return { db: read(dbFile), wal: read(`${dbFile}-wal`) }
}

function expectTooNew(fn: () => unknown): void {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(AnnalistError)
    expect((err as AnnalistError).code).toBe('archive-too-new')
    expect((err as Error).message).toMatch(new RegExp(`newer Annalist \\(schema ${SCHEMA_VERSION + 1}; this build understands up to ${SCHEMA_VERSION}\\).*not changed`))
    return
  }
  throw new Error('expected archive-too-new')
}

describe('migrations', () => {
  it('are numbered 1..N without gaps, in order, each with a name', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length)
    for (const m of MIGRATIONS) expect(m.name.trim()).not.toBe('')
  })

  it('roll a failing step back entirely, leaving the earlier version and its rows', () => {
    const db = databaseAt(1)
    db.prepare(`INSERT INTO settings (key, value) VALUES ('k', 'v')`).run()
    const before = tableRows(db)
    const broken = [
      ...MIGRATIONS.slice(0, 1),
      {
        version: 2,
        name: 'fails halfway',
        up(d: Database.Database) {
          d.exec('CREATE TABLE half (x INTEGER) STRICT; DELETE FROM settings;')
          throw new Error('boom')
        }
      }
    ]
    expect(() => migrate(db, 2, broken)).toThrow('boom')
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    expect(tableRows(db)).toEqual(before)
  })

  it('are a no-op when the database is current', () => {
    const db = databaseAt(SCHEMA_VERSION)
    const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all()
    expect(migrate(db)).toBe(SCHEMA_VERSION)
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all()).toEqual(schema)
  })
})

describe('an archive from a newer Annalist', () => {
  it('is refused with archive-too-new and its database bytes stay identical', () => {
    const dir = join(tempDir(), 'archive')
    const archive = openArchive(dir)
    seedArticles(archive, 3)
    archive.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    archive.close()
    const dbFile = join(dir, 'archive.sqlite')
    const before = hashes(dbFile)
    expectTooNew(() => openArchive(dir))
    expectTooNew(() => openArchive(dir, { readonly: true }))
    expectTooNew(() => openDatabase(dbFile))
    expect(hashes(dbFile)).toEqual(before)
    expect(existsSync(join(dir, 'archive.lock'))).toBe(false)
  })

  it('is refused untouched even with an uncheckpointed WAL left by a crashed writer', () => {
    const live = join(tempDir(), 'live.sqlite')
    const writer = new Database(live)
    configure(writer)
    migrate(writer)
    writer.pragma('wal_autocheckpoint = 0')
    writer.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    const dir = tempDir()
    const dbFile = join(dir, 'archive.sqlite')
    copyFileSync(live, dbFile)
    copyFileSync(`${live}-wal`, `${dbFile}-wal`)
    writer.close()
    const before = hashes(dbFile)
    expect(before.wal).not.toBeNull()
    expectTooNew(() => openArchive(dir))
    expect(hashes(dbFile)).toEqual(before)
  })
})

describe('upgrading an older archive', () => {
  it('keeps an untouched copy of the database as it was before the upgrade', () => {
    const dir = join(tempDir(), 'archive')
    const dbFile = join(dir, 'archive.sqlite')
    const old = openArchive(dir)
    old.close()
    const db = databaseAt(1)
    seedSchema1(db)
    db.close()
    copyFileSync(db.name, dbFile)
    const before = allRows(dbFile)

    const archive = openArchive(dir)
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    archive.close()
    const copy = preUpgradeCopyPath(dbFile, 1)
    expect(allRows(copy)).toEqual(before)

    // A second upgrade path from the same version keeps the first (untouched) copy.
    const stamp = sha256(readFileSync(copy))
    copyFileSync(db.name, dbFile)
    openArchive(dir).close()
    expect(sha256(readFileSync(copy))).toBe(stamp)
  })
})
