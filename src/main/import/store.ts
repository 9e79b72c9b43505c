import type { Archive } from '../archive/archive'
import { findArticleByTextHash, insertArticle } from '../archive/repo/articles'
import { loadDecisions, storeArticleMentions } from '../entities/store'
import type { Decisions } from '../entities/decisions'
import { findFileByHash, insertFile } from '../archive/repo/files'
import { knownBoilerplate, outletKey, rememberParagraphs, type MemoryLine } from './dedupe/boilerplate'
import { cleanEarlierArticles } from './dedupe/clean-earlier'
import { lineShape } from './dedupe/line-shape'
import { linkNearDuplicates, type NearDuplicate } from './dedupe/near'
import { yearFromRelated } from './related-year'
import { layoutParagraphs, type ParsedArticle } from '../archive/parsed-article'
import { digestText, type TextDigest } from '../archive/article-body'
import { rememberWords } from '../archive/search-words'
import { prepared } from '../archive/statements'
import type { ParagraphAnalysis } from './worker-protocol'
import type { ImportCleaned } from '../../shared/types'

/** What storing one parsed file came to: a new article, or the one it duplicates. */
export type StoreOutcome =
  | {
      status: 'added'
      id: number
      title: string
      nearDuplicates: NearDuplicate[]
      boilerplateDropped: number
      /** Earlier articles of the outlet cleaned of lines this article made boilerplate. */
      cleaned: ImportCleaned | null
    }
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
  /** The worker's digest of the text all of `article`'s paragraphs make; computed here when absent. */
  digest?: TextDigest
  /** The worker's search words of `article` (title, dek and all its paragraphs), for the vocabulary drain. */
  searchWords?: string
  /**
   * Which article of its file this is (0 for a file of one). Only the first is checked against
   * the bytes already stored: the others share the file row the first one wrote.
   */
  part?: number
  /** The message an attachment arrived with, by article id. */
  attachedTo?: number | null
}

/**
 * Drops paragraphs the outlet is known to repeat. An article made only of such paragraphs
 * keeps them all: an empty article would be worse than a noisy one.
 */
function withoutBoilerplate(
  article: ParsedArticle,
  lines: readonly MemoryLine[],
  boilerplate: ReadonlySet<number>
): { article: ParsedArticle; kept: number[]; dropped: number } {
  const kept = lines.flatMap((l, i) => (l.key === null || !boilerplate.has(l.key) ? [i] : []))
  if (kept.length === 0 || kept.length === lines.length) return { article, kept: lines.map((_, i) => i), dropped: 0 }
  return {
    article: { ...article, paragraphs: kept.map((i) => article.paragraphs[i]!) },
    kept,
    dropped: lines.length - kept.length
  }
}

/**
 * Stores one parsed file in one transaction: file row, article, paragraphs (FTS by trigger),
 * the entities the worker found in the kept paragraphs, boilerplate memory, fingerprints, near-duplicate links and the cleaning of earlier articles of
 * lines this one made boilerplate, all or nothing. The original's bytes must already be on disk
 * (the worker stores them before answering). `decisions`: the user's entity decisions as they
 * stand; an import batch reads them once for all its files (storing articles never changes them).
 */
export function storeParsedArticle(archive: Archive, input: StoreInput, decisions: Decisions = loadDecisions(archive.db)): StoreOutcome {
  const { db } = archive
  return db.transaction((): StoreOutcome => {
    const byBytes = (input.part ?? 0) === 0 ? findByBytes(archive, input.sha256) : undefined
    if (byBytes !== undefined) return { status: 'duplicate', duplicateOf: byBytes, reason: 'bytes' }
    const key = outletKey(db, input.article.outlet, input.article.url)
    const keys = input.analysis.map((a) => a.boilerplateKey)
    const lines: MemoryLine[] = input.analysis.map((a, i) => ({
      key: a.boilerplateKey,
      shape: a.boilerplateKey === null ? 'copy' : lineShape(input.article.paragraphs[i]!.text)
    }))
    const boilerplate = key ? knownBoilerplate(db, key, lines) : new Set<number>()
    const { article, kept, dropped } = withoutBoilerplate(input.article, lines, boilerplate)
    const { text, paragraphs } = layoutParagraphs(article.paragraphs)
    const digest = (dropped === 0 ? input.digest : undefined) ?? digestText(text)
    const byText = findArticleByTextHash(db, digest.textHash)
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
    const id = insertArticle(
      db,
      article,
      fileId,
      input.attachedTo ?? null,
      { wordsKeys: kept.map((at) => input.analysis[at]!.wordsKey), digest }
    )
    if (dropped === 0 && input.searchWords !== undefined) {
      rememberWords(db, id, { title: article.title, dek: article.dek, body: digest.body, words: input.searchWords })
    }
    if (key) rememberParagraphs(db, key, id, keys)
    const nearDuplicates = linkNearDuplicates(
      db,
      id,
      key,
      paragraphs.map((p, i) => {
        const at = kept[i]!
        return {
          ordinal: p.ordinal,
          text: p.text,
          fingerprints: input.analysis[at]!.fingerprints,
          wordsKey: input.analysis[at]!.wordsKey,
          furnitureKey: lines[at]!.shape === 'furniture' ? lines[at]!.key : null
        }
      })
    )
    const cleaned = key
      ? cleanEarlierArticles(db, {
          outletKey: key,
          outletName: input.article.outlet?.trim() || key.replace(/^(?:outlet|host):/, ''),
          articleId: id,
          lines: boilerplate,
          decisions
        })
      : null
    storeArticleMentions(
      db,
      id,
      paragraphs.flatMap((p, i) =>
        input.analysis[kept[i]!]!.mentions.map((m) => ({ ...m, start: m.start + p.start, end: m.end + p.start }))
      ),
      decisions
    )
    yearFromRelated(db, id, nearDuplicates.map((n) => n.otherId))
    return { status: 'added', id, title: article.title, nearDuplicates, boilerplateDropped: dropped, cleaned }
  })()
}
