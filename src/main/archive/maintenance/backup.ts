import Database from 'better-sqlite3'
import { registerArticleBody } from '../article-body'
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { dirname, join, resolve } from 'node:path'
import { AnnalistError } from '../../../shared/errors'
import { APP_VERSION } from '../../version'
import { openReadonlyConnection, peekSchemaVersion, refuseNewer, type Db } from '../db'
import { originalPath } from '../originals'
import type { BackupManifest, BackupResult } from '../../../shared/archive'
import { DATABASE_ENTRY, MANIFEST_NAME, originalEntryName } from './manifest'
import { removeSnapshot, snapshotDatabase } from './snapshot'
import { TarWriter, type TarEntry } from './tar'

export type { BackupResult }

function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

/**
 * Writes one tar file holding a consistent snapshot of the database (SQLite online backup, so the
 * app may keep writing), every original a files row of that snapshot points at, and a manifest
 * with counts and each entry's sha256. Takes no lock. The file appears only when complete.
 */
export async function backupArchive(dir: string, target: string): Promise<BackupResult> {
  const root = resolve(dir)
  const dbFile = join(root, 'archive.sqlite')
  const file = resolve(target)
  if (!existsSync(dbFile)) throw new AnnalistError('not-found', `no archive at ${root} (archive.sqlite is missing)`)
  if (existsSync(file)) {
    const what = statSync(file).isDirectory() ? 'is a folder; give a file name inside it' : 'already exists; choose a new file name'
    throw new AnnalistError('conflict', `${file} ${what} for the backup`)
  }
  if (!existsSync(dirname(file))) throw new AnnalistError('not-found', `folder ${dirname(file)} does not exist`)
  refuseNewer(peekSchemaVersion(dbFile), dbFile)

  const stamp = randomBytes(4).toString('hex')
  const snapshotFile = `${file}.${stamp}.snapshot.tmp`
  const partial = `${file}.${stamp}.partial`
  let writer: TarWriter | null = null
  try {
    const live = openReadonlyConnection(dbFile)
    try {
      await snapshotDatabase(live, snapshotFile)
    } finally {
      live.close()
    }
    const snapshot = new Database(snapshotFile, { readonly: true, fileMustExist: true })
    registerArticleBody(snapshot)
    let manifest: Omit<BackupManifest, 'entries' | 'missingOriginals'>
    let hashes: string[]
    try {
      hashes = snapshot.prepare('SELECT DISTINCT sha256 FROM files ORDER BY sha256').pluck().all() as string[]
      manifest = {
        format: 'annalist-backup',
        formatVersion: 1,
        createdAt: new Date().toISOString(),
        appVersion: APP_VERSION,
        schemaVersion: snapshot.pragma('user_version', { simple: true }) as number,
        counts: {
          articles: count(snapshot, 'articles'),
          paragraphs: count(snapshot, 'paragraphs'),
          files: count(snapshot, 'files'),
          events: count(snapshot, 'events'),
          chronologies: count(snapshot, 'chronologies'),
          citations: count(snapshot, 'citations'),
          originals: 0
        }
      }
    } finally {
      snapshot.close()
    }

    writer = await TarWriter.create(partial)
    const entries: TarEntry[] = [await writer.addFile(DATABASE_ENTRY, snapshotFile)]
    const missingOriginals: string[] = []
    for (const hash of hashes) {
      const path = originalPath(join(root, 'originals'), hash)
      if (!existsSync(path)) {
        missingOriginals.push(hash)
        continue
      }
      entries.push(await writer.addFile(originalEntryName(hash), path))
    }
    const full: BackupManifest = {
      ...manifest,
      counts: { ...manifest.counts, originals: entries.length - 1 },
      entries,
      missingOriginals
    }
    await writer.addBytes(MANIFEST_NAME, Buffer.from(JSON.stringify(full, null, 2)))
    await writer.finish()
    writer = null
    renameSync(partial, file)
    const bytes = entries.reduce((n, e) => n + e.size, 0)
    return { file, bytes, manifest: full }
  } catch (err) {
    await writer?.abort()
    rmSync(partial, { force: true })
    throw err
  } finally {
    removeSnapshot(snapshotFile)
  }
}
