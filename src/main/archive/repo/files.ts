import type { Db } from '../db'
import { now } from '../clock'
import { prepared } from '../statements'

export interface FileRow {
  id: number
  sha256: string
  size: number
  name: string
  original_path: string | null
  media_type: string
  imported_at: string
}

/** The file row for a content hash, if these bytes were imported before. */
export function findFileByHash(db: Db, sha256: string): FileRow | undefined {
  return prepared<[string], FileRow>(db, 'SELECT * FROM files WHERE sha256 = ?').get(sha256)
}

/** Inserts a file row; the caller has stored the bytes under originals/ already. */
export function insertFile(
  db: Db,
  args: { sha256: string; size: number; name: string; originalPath: string | null; mediaType: string }
): number {
  return Number(
    prepared(
      db,
      'INSERT INTO files (sha256, size, name, original_path, media_type, imported_at) VALUES (?, ?, ?, ?, ?, ?)'
    ).run(args.sha256, args.size, args.name, args.originalPath, args.mediaType, now()).lastInsertRowid
  )
}
