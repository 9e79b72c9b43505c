import type { Db } from '../db'
import { now } from '../clock'
import { prepared } from '../statements'
import { AnnalistError } from '../../../shared/errors'

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

/** The file an article was imported from; null for an article without one, `not-found` for no article. */
export function fileOfArticle(db: Db, articleId: number): FileRow | null {
  const row = prepared<[number], { file_id: number | null }>(db, 'SELECT file_id FROM articles WHERE id = ?').get(articleId)
  if (!row) throw new AnnalistError('not-found', `no article with id ${articleId}`)
  if (row.file_id === null) return null
  return prepared<[number], FileRow>(db, 'SELECT * FROM files WHERE id = ?').get(row.file_id) ?? null
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

/** The first article imported from a file of that name, with its clean text (the first-run sample finds its quotes in it). */
export function articleOfFileName(db: Db, name: string): { id: number; text: string } | undefined {
  return prepared<[string], { id: number; text: string }>(
    db,
    'SELECT a.id, a.text FROM articles a JOIN files f ON f.id = a.file_id WHERE f.name = ? ORDER BY a.id LIMIT 1'
  ).get(name)
}
