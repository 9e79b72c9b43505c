import type { Archive } from '../archive/archive'
import { sha256, storeOriginal } from '../archive/originals'
import { cleanTextHash, findArticleByTextHash, insertArticle, layoutParagraphs } from '../archive/repo/articles'
import { findFileByHash, insertFile } from '../archive/repo/files'
import type { ParsedArticle } from './parsed'

export type StoreOutcome =
  | { status: 'added'; id: number; title: string }
  | { status: 'duplicate'; duplicateOf: number; reason: 'bytes' | 'text' }

/** The article already holding these exact bytes, if any (checked before parsing). */
export function findByBytes(archive: Archive, hash: string): number | undefined {
  const file = findFileByHash(archive.db, hash)
  if (!file) return undefined
  return archive.db
    .prepare<[number], { id: number }>('SELECT id FROM articles WHERE file_id = ? ORDER BY id LIMIT 1')
    .get(file.id)?.id
}

/**
 * Stores one parsed file atomically: original bytes first (content-addressed, harmless if
 * orphaned), then file row, article, paragraphs and FTS rows in one transaction.
 */
export function storeArticle(
  archive: Archive,
  args: { name: string; path: string | null; bytes: Uint8Array; mediaType: string; article: ParsedArticle }
): StoreOutcome {
  const hash = sha256(args.bytes)
  const { text } = layoutParagraphs(args.article.paragraphs)
  const textHash = cleanTextHash(text)
  storeOriginal(archive.originalsDir, args.bytes, hash)
  return archive.db.transaction((): StoreOutcome => {
    const byBytes = findByBytes(archive, hash)
    if (byBytes !== undefined) return { status: 'duplicate', duplicateOf: byBytes, reason: 'bytes' }
    const byText = findArticleByTextHash(archive.db, textHash)
    if (byText !== undefined) return { status: 'duplicate', duplicateOf: byText, reason: 'text' }
    const existingFile = findFileByHash(archive.db, hash)
    const fileId =
      existingFile?.id ??
      insertFile(archive.db, {
        sha256: hash,
        size: args.bytes.length,
        name: args.name,
        originalPath: args.path,
        mediaType: args.mediaType
      })
    const id = insertArticle(archive.db, args.article, fileId)
    return { status: 'added', id, title: args.article.title }
  })()
}
