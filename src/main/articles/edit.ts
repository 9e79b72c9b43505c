/**
 * Editing an article's metadata and clean text and setting its publication date, each as one
 * undoable transaction that keeps citations and proposals consistent.
 */
import type { Db } from '../archive/db'
import { now } from '../archive/clock'
import { getArticle } from '../archive/repo/articles'
import {
  articleExists,
  replaceArticleText,
  updateArticleColumns,
  type ArticleColumns,
  type UserPublished
} from '../archive/repo/article-edits'
import { hasProposals } from '../archive/repo/paragraph-removal'
import { ensureSource } from '../archive/repo/sources'
import { AnnalistError } from '../../shared/errors'
import { edtfPrecision, formatEdtf, parseEdtf, publishedDays, EdtfError } from '../../shared/edtf'
import { LANGUAGE_TAG, type ArticleEdit, type ArticleEditResult, type ReanchorReport } from '../../shared/chronology'
import type { ArticleDetail } from '../../shared/types'
import { journaled } from '../archive/journal'
import { refreshArticleProposals } from '../chronology/proposals/store'
import { reanchorArticle } from '../chronology/reanchor'
import { reextractArticles } from '../entities/reextract'
import { nameArticle } from '../archive/article-name'

function userPublished(edtf: string | null): UserPublished | null {
  if (edtf === null) return null
  let value
  try {
    value = parseEdtf(edtf)
  } catch (err) {
    if (err instanceof EdtfError) throw new AnnalistError('invalid-argument', err.message)
    throw err
  }
  const bounds = publishedDays(value)
  return { edtf: formatEdtf(value), precision: edtfPrecision(value), earliest: bounds?.earliest ?? null, latest: bounds?.latest ?? null }
}

// Primary subtag lower case, as import stores it and `lang:` filters compare; the CLI reaches
// here without the API's validation.
function languageTag(db: Db, id: number, value: string | null): string | null {
  const tag = value?.trim() ?? ''
  if (tag === '') return null
  if (!LANGUAGE_TAG.test(tag)) throw new AnnalistError('invalid-argument', `${nameArticle(db, id)}: "${tag}" is not a language tag such as en, pt or pt-BR`)
  return tag.replace(/^[A-Za-z]+/, (p) => p.toLowerCase())
}

function requireArticle(db: Db, id: number): void {
  if (!articleExists(db, id)) throw new AnnalistError('not-found', `no article with id ${id}`)
}

/** Paragraphs at blank lines, whitespace inside each folded to single spaces (as import stores them). */
function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
}

/** Replaces the clean text and paragraphs (FTS follows by trigger); pages are kept where a paragraph is unchanged. */
function rewriteText(db: Db, id: number, text: string): void {
  const parts = splitParagraphs(text)
  if (parts.length === 0) throw new AnnalistError('invalid-argument', `${nameArticle(db, id)}: the new text is empty`)
  replaceArticleText(db, id, parts)
}

/**
 * Applies metadata and text edits in one transaction: paragraphs are rewritten, citations are
 * re-anchored (orphaned when their passage is gone), and proposals follow the new text and date.
 */
export function updateArticle(db: Db, edit: ArticleEdit): ArticleEditResult {
  requireArticle(db, edit.id)
  return journaled(db, `Edit article ${nameArticle(db, edit.id)}`, () => {
    const { id } = edit
    const columns: ArticleColumns = { updatedAt: now() }
    if (edit.title !== undefined) {
      const title = edit.title.trim()
      if (title === '') throw new AnnalistError('invalid-argument', `${nameArticle(db, id)}: the title cannot be empty`)
      columns.title = title
    }
    if (edit.dek !== undefined) columns.dek = edit.dek?.trim() || null
    if (edit.byline !== undefined) columns.byline = edit.byline?.trim() || null
    if (edit.place !== undefined) columns.place = edit.place?.trim() || null
    if (edit.language !== undefined) columns.language = languageTag(db, id, edit.language)
    if (edit.outlet !== undefined) columns.sourceId = edit.outlet?.trim() ? ensureSource(db, edit.outlet.trim()) : null
    if (edit.published !== undefined) columns.published = userPublished(edit.published)
    updateArticleColumns(db, id, columns)
    let reanchor: ReanchorReport | null = null
    if (edit.text !== undefined) {
      rewriteText(db, id, edit.text)
      reanchor = reanchorArticle(db, id)
      reextractArticles(db, [id])
    }
    if (hasProposals(db, id) && (edit.text !== undefined || edit.published !== undefined || edit.place !== undefined || edit.language !== undefined)) {
      refreshArticleProposals(db, id)
    }
    return { article: getArticle(db, id), reanchor }
  })
}

/** Replaces an article's clean text (re-extraction, correction): paragraphs, search and citations follow. */
export function updateArticleText(db: Db, args: { id: number; text: string }): ArticleEditResult {
  return updateArticle(db, { id: args.id, text: args.text })
}

/** Sets (or clears, with null) the user's publication date; pending proposals are re-resolved. */
export function setArticleDate(db: Db, args: { id: number; edtf: string | null }): ArticleDetail {
  return updateArticle(db, { id: args.id, published: args.edtf }).article
}
