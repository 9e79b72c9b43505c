import { existsSync } from 'node:fs'
import type { AnnalistApi } from '../../shared/api'
import { AnnalistError } from '../../shared/errors'
import { isHtmlMediaType, MAX_ORIGINAL_TEXT_BYTES, TEXT_MEDIA_TYPES, type OriginalFile } from '../../shared/originals'
import type { Db } from '../archive/db'
import { fileOfArticle, type FileRow } from '../archive/repo/files'
import { originalPath, readOriginal } from '../archive/originals'
import { decodeHtml } from '../import/html/decode'
import { decodeText } from '../import/formats/decode'
import type { BackendContext } from './context'

/** Decodes an original's bytes the way import read them, or null when they are not text after all. */
function decodeOriginal(bytes: Uint8Array, file: FileRow): string | null {
  try {
    return isHtmlMediaType(file.media_type) ? decodeHtml(bytes).text : decodeText(bytes, file.name).text
  } catch {
    return null
  }
}

/** Reads an article's original file for display: text for text-like types, nothing for binary or huge ones. */
export function readOriginalFile(db: Db, originalsDir: string, articleId: number): OriginalFile {
  const file = fileOfArticle(db, articleId)
  if (!file) throw new AnnalistError('not-found', `article ${articleId} has no original file (it was not imported from one)`)
  const base = { name: file.name, mediaType: file.media_type, size: file.size }
  if (!(TEXT_MEDIA_TYPES as readonly string[]).includes(file.media_type)) return { ...base, text: null, withheld: 'binary' }
  if (file.size > MAX_ORIGINAL_TEXT_BYTES) return { ...base, text: null, withheld: 'too-large' }
  if (!existsSync(originalPath(originalsDir, file.sha256))) return { ...base, text: null, withheld: 'missing' }
  const text = decodeOriginal(readOriginal(originalsDir, file.sha256), file)
  return text === null ? { ...base, text: null, withheld: 'undecodable' } : { ...base, text, withheld: null }
}

/** The Reader's view of original files. */
export function originalsApi(ctx: BackendContext): Pick<AnnalistApi, 'getOriginal'> {
  return {
    async getOriginal({ id }) {
      return readOriginalFile(ctx.archive.db, ctx.archive.originalsDir, id)
    }
  }
}
