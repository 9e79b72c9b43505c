/**
 * Editing an article's metadata and clean text and setting its publication date, each as one
 * undoable transaction that keeps citations and proposals consistent.
 */
import type { Db } from '../archive/db'
import { now } from '../archive/clock'
import { run, sql, sqlJoin, type SqlFragment } from '../archive/sql'
import { cleanTextHash, countWords, getArticle, layoutParagraphs } from '../archive/repo/articles'
import { ensureSource } from '../archive/repo/sources'
import { AnnalistError } from '../../shared/errors'
import { edtfPrecision, formatEdtf, parseEdtf, publishedDays, EdtfError } from '../../shared/edtf'
import { LANGUAGE_TAG, type ArticleEdit, type ArticleEditResult, type ReanchorReport } from '../../shared/chronology'
import type { ArticleDetail } from '../../shared/types'
import { journaled } from '../archive/journal'
import { refreshArticleProposals } from '../chronology/proposals/store'
import { reanchorArticle } from '../chronology/reanchor'

function publishedColumns(edtf: string | null): SqlFragment {
  if (edtf === null) {
    return sql`published_edtf = NULL, published_precision = NULL, published_provenance = NULL, published_earliest = NULL, published_latest = NULL`
  }
  let value
  try {
    value = parseEdtf(edtf)
  } catch (err) {
    if (err instanceof EdtfError) throw new AnnalistError('invalid-argument', err.message)
    throw err
  }
  const bounds = publishedDays(value)
  return sql`published_edtf = ${formatEdtf(value)}, published_precision = ${edtfPrecision(value)}, published_provenance = 'user',
             published_earliest = ${bounds?.earliest ?? null}, published_latest = ${bounds?.latest ?? null}`
}

// Primary subtag lower case, as import stores it and `lang:` filters compare; the CLI reaches
// here without the API's validation.
function languageTag(id: number, value: string | null): string | null {
  const tag = value?.trim() ?? ''
  if (tag === '') return null
  if (!LANGUAGE_TAG.test(tag)) throw new AnnalistError('invalid-argument', `article ${id}: "${tag}" is not a language tag such as en, pt or pt-BR`)
  return tag.replace(/^[A-Za-z]+/, (p) => p.toLowerCase())
}

function requireArticle(db: Db, id: number): void {
  if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id)) throw new AnnalistError('not-found', `no article with id ${id}`)
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
  if (parts.length === 0) throw new AnnalistError('invalid-argument', `article ${id}: the new text is empty`)
  const oldPages = new Map(
    db
      .prepare<[number], { text: string; page: number | null }>('SELECT text, page FROM paragraphs WHERE article_id = ?')
      .all(id)
      .map((p) => [p.text, p.page])
  )
  const layout = layoutParagraphs(parts.map((t) => ({ text: t, page: oldPages.get(t) ?? null })))
  db.prepare('DELETE FROM paragraphs WHERE article_id = ?').run(id)
  const insert = db.prepare('INSERT INTO paragraphs (article_id, ordinal, text, start, end, page) VALUES (?, ?, ?, ?, ?, ?)')
  for (const p of layout.paragraphs) insert.run(id, p.ordinal, p.text, p.start, p.end, p.page)
  db.prepare('UPDATE articles SET text = ?, text_hash = ?, word_count = ? WHERE id = ?').run(
    layout.text,
    cleanTextHash(layout.text),
    countWords(layout.text),
    id
  )
}

/**
 * Applies metadata and text edits in one transaction: paragraphs are rewritten, citations are
 * re-anchored (orphaned when their passage is gone), and proposals follow the new text and date.
 */
export function updateArticle(db: Db, edit: ArticleEdit): ArticleEditResult {
  requireArticle(db, edit.id)
  return journaled(db, `Edit article ${edit.id}`, () => {
    const { id } = edit
    const sets: SqlFragment[] = []
    if (edit.title !== undefined) {
      const title = edit.title.trim()
      if (title === '') throw new AnnalistError('invalid-argument', `article ${id}: the title cannot be empty`)
      sets.push(sql`title = ${title}`)
    }
    if (edit.dek !== undefined) sets.push(sql`dek = ${edit.dek?.trim() || null}`)
    if (edit.byline !== undefined) sets.push(sql`byline = ${edit.byline?.trim() || null}`)
    if (edit.place !== undefined) sets.push(sql`place = ${edit.place?.trim() || null}`)
    if (edit.language !== undefined) sets.push(sql`language = ${languageTag(id, edit.language)}`)
    if (edit.outlet !== undefined) sets.push(sql`source_id = ${edit.outlet?.trim() ? ensureSource(db, edit.outlet.trim()) : null}`)
    if (edit.published !== undefined) sets.push(publishedColumns(edit.published))
    sets.push(sql`updated_at = ${now()}`)
    run(db, sql`UPDATE articles SET ${sqlJoin(sets)} WHERE id = ${id}`)
    let reanchor: ReanchorReport | null = null
    if (edit.text !== undefined) {
      rewriteText(db, id, edit.text)
      reanchor = reanchorArticle(db, id)
    }
    const hasProposals = db.prepare('SELECT 1 FROM proposals WHERE article_id = ? LIMIT 1').get(id) !== undefined
    if (hasProposals && (edit.text !== undefined || edit.published !== undefined || edit.place !== undefined || edit.language !== undefined)) {
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
