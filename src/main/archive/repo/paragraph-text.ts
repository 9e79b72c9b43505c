/**
 * Paragraph text, read as a slice of the article's clean text. A paragraph row holds only its
 * offsets into `articles.text` (migration 018): the text stored again per paragraph was 1.13×
 * the clean text. Offsets are JavaScript string indices, so the slicing happens here and never
 * in SQL, whose `substr` counts characters (a character outside the BMP is two indices here).
 */
import type { Db } from '../db'
import { all, sql, sqlList } from '../sql'
import { prepared } from '../statements'
import { unpackText } from '../article-body'

interface Span {
  start: number
  end: number
}

/** Each row with its text cut from the article's. */
export function withText<T extends Span>(rows: readonly T[], articleText: string): (T & { text: string })[] {
  return rows.map((r) => ({ ...r, text: articleText.slice(r.start, r.end) }))
}

export interface StoredParagraph {
  id: number
  ordinal: number
  start: number
  end: number
  page: number | null
  text: string
}

/** The paragraphs of several articles with their text, in order, by article id; absent ids are left out. */
export function paragraphsWithText(db: Db, articleIds: readonly number[]): Map<number, StoredParagraph[]> {
  const ids = sqlList(articleIds)
  const texts = new Map(all<{ id: number; body: Uint8Array }>(db, sql`SELECT id, body FROM article_store WHERE id IN ${ids}`).map((a) => [a.id, unpackText(a.body)]))
  const out = new Map<number, StoredParagraph[]>()
  const rows = all<Omit<StoredParagraph, 'text'> & { articleId: number }>(
    db,
    sql`SELECT article_id AS articleId, id, ordinal, start, end, page FROM paragraphs WHERE article_id IN ${ids} ORDER BY article_id, ordinal`
  )
  for (const { articleId, ...p } of rows) {
    const text = texts.get(articleId)
    if (text === undefined) continue
    let list = out.get(articleId)
    if (!list) out.set(articleId, (list = []))
    list.push({ ...p, text: text.slice(p.start, p.end) })
  }
  return out
}

/**
 * An article's clean text, or undefined when there is no such article. Read from the compressed
 * body and inflated here rather than through the `articles` view: the view's SQL function copies
 * the body in and the text out (47 against 30 µs an article, measured on the scale corpus), and
 * search pages, citations and near-duplicate checks read texts one after another.
 */
export function articleCleanText(db: Db, id: number): string | undefined {
  const body = prepared<[number], Uint8Array>(db, 'SELECT body FROM article_store WHERE id = ?').pluck().get(id)
  return body === undefined ? undefined : unpackText(body)
}

/** A paragraph of a candidate article, as near-duplicate matching first reads it. */
export interface CandidateParagraph {
  /** Length of its text, in string indices. */
  length: number
  /** Key of its words (migration 022); null if it was never computed. */
  wordsKey: number | null
  /** Its text: the article's text is read on the first call, once per candidate article. */
  text(): string
}

/**
 * Paragraphs of candidate articles, as [article, ordinal] pairs, by article then ordinal (absent
 * ones left out), for near-duplicate checks that verify a few paragraphs of many candidate
 * articles: every span and words key in one indexed read (an import at 100,000 articles names
 * about 130 candidate articles per article: one statement each cost 1.2 ms of the writer's time
 * per article), and an article's text only if one of its pairs needs it.
 */
export function candidateParagraphs(db: Db, wanted: readonly (readonly [number, number])[]): Map<number, Map<number, CandidateParagraph>> {
  const spans = prepared<[string], Span & { article_id: number; ordinal: number; words_key: number | null }>(
    db,
    `SELECT p.article_id, p.ordinal, p.start, p.end, p.words_key FROM json_each(?) j
     JOIN paragraphs p ON p.article_id = j.value ->> 0 AND p.ordinal = j.value ->> 1`
  ).all(JSON.stringify(wanted))
  const out = new Map<number, Map<number, CandidateParagraph>>()
  const texts = new Map<number, string>()
  const textOf = (articleId: number): string => {
    let text = texts.get(articleId)
    if (text === undefined) texts.set(articleId, (text = articleCleanText(db, articleId) ?? ''))
    return text
  }
  for (const p of spans) {
    let theirs = out.get(p.article_id)
    if (!theirs) out.set(p.article_id, (theirs = new Map()))
    theirs.set(p.ordinal, { length: p.end - p.start, wordsKey: p.words_key, text: () => textOf(p.article_id).slice(p.start, p.end) })
  }
  return out
}

/** One article's paragraphs with their text, in order (none for an absent article). */
export function articleParagraphs(db: Db, articleId: number): StoredParagraph[] {
  return paragraphsWithText(db, [articleId]).get(articleId) ?? []
}
