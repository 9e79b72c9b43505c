import type { Archive } from '../archive/archive'
import { cleanTextHash, findArticleByTextHash, insertArticle, layoutParagraphs } from '../archive/repo/articles'
import { findFileByHash, insertFile } from '../archive/repo/files'
import { knownBoilerplate, outletKey, rememberParagraphs } from './dedupe/boilerplate'
import { linkNearDuplicates, type NearDuplicate } from './dedupe/near'
import { yearFromRelated } from './related-year'
import type { ParsedArticle } from '../archive/parsed-article'
import { prepared } from '../archive/statements'
import type { ParagraphAnalysis } from './worker-protocol'

/** What storing one parsed file came to: a new article, or the one it duplicates. */
export type StoreOutcome =
  | { status: 'added'; id: number; title: string; nearDuplicates: NearDuplicate[]; boilerplateDropped: number }
  | { status: 'duplicate'; duplicateOf: number; reason: 'bytes' | 'text' }

/** The article already holding these exact bytes, if any (checked before parsing). */
export function findByBytes(archive: Archive, hash: string): number | undefined {
  const file = findFileByHash(archive.db, hash)
  if (!file) return undefined
  return prepared<[number], { id: number }>(archive.db, 'SELECT id FROM articles WHERE file_id = ? ORDER BY id LIMIT 1').get(
    file.id
  )?.id
}

/** One parsed file ready to store: its identity, the parsed article and the worker's analysis. */
export interface StoreInput {
  name: string
  path: string | null
  sha256: string
  size: number
  mediaType: string
  article: ParsedArticle
  /** One entry per paragraph of `article`, from the worker. */
  analysis: readonly ParagraphAnalysis[]
}

/**
 * Drops paragraphs the outlet is known to repeat. An article made only of such paragraphs
 * keeps them all: an empty article would be worse than a noisy one.
 */
function withoutBoilerplate(
  article: ParsedArticle,
  analysis: readonly ParagraphAnalysis[],
  boilerplate: ReadonlySet<number>
): { article: ParsedArticle; kept: ParagraphAnalysis[]; dropped: number } {
  const keep = analysis.map((a) => a.boilerplateKey === null || !boilerplate.has(a.boilerplateKey))
  const keptCount = keep.filter(Boolean).length
  if (keptCount === 0 || keptCount === keep.length) return { article, kept: [...analysis], dropped: 0 }
  return {
    article: { ...article, paragraphs: article.paragraphs.filter((_, i) => keep[i]) },
    kept: analysis.filter((_, i) => keep[i]),
    dropped: keep.length - keptCount
  }
}

/**
 * Stores one parsed file in one transaction: file row, article, paragraphs (FTS by trigger),
 * boilerplate memory, fingerprints and near-duplicate links, all or nothing. The original's
 * bytes must already be on disk (the worker stores them before answering).
 */
export function storeParsedArticle(archive: Archive, input: StoreInput): StoreOutcome {
  const { db } = archive
  return db.transaction((): StoreOutcome => {
    const byBytes = findByBytes(archive, input.sha256)
    if (byBytes !== undefined) return { status: 'duplicate', duplicateOf: byBytes, reason: 'bytes' }
    const key = outletKey(db, input.article.outlet, input.article.url)
    const keys = input.analysis.map((a) => a.boilerplateKey)
    const boilerplate = key ? knownBoilerplate(db, key, keys) : new Set<number>()
    const { article, kept, dropped } = withoutBoilerplate(input.article, input.analysis, boilerplate)
    const { text, paragraphs } = layoutParagraphs(article.paragraphs)
    const byText = findArticleByTextHash(db, cleanTextHash(text))
    if (byText !== undefined) return { status: 'duplicate', duplicateOf: byText, reason: 'text' }
    const fileId =
      findFileByHash(db, input.sha256)?.id ??
      insertFile(db, {
        sha256: input.sha256,
        size: input.size,
        name: input.name,
        originalPath: input.path,
        mediaType: input.mediaType
      })
    const id = insertArticle(db, article, fileId)
    if (key) rememberParagraphs(db, key, id, keys)
    const nearDuplicates = linkNearDuplicates(
      db,
      id,
      key,
      paragraphs.map((p, i) => ({
        ordinal: p.ordinal,
        text: p.text,
        fingerprints: kept[i]!.fingerprints,
        boilerplateKey: kept[i]!.boilerplateKey
      }))
    )
    yearFromRelated(db, id, nearDuplicates.map((n) => n.otherId))
    return { status: 'added', id, title: article.title, nearDuplicates, boilerplateDropped: dropped }
  })()
}
