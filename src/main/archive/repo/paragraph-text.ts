/**
 * Paragraph text, read as a slice of the article's clean text. A paragraph row holds only its
 * offsets into `articles.text` (migration 018): the text stored again per paragraph was 1.13×
 * the clean text. Offsets are JavaScript string indices, so the slicing happens here and never
 * in SQL, whose `substr` counts characters (a character outside the BMP is two indices here).
 */
import type { Db } from '../db'
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

/**
 * The paragraphs of several articles with their text, in order, by article id; absent ids are left
 * out. Rows are read as arrays and each paragraph made once: pages of twenty random articles at
 * 100,000 (216 paragraphs on average) took 1.52-1.55 ms each read as objects and spread twice
 * over, 1.35-1.43 ms so (most of the rest is inflating their texts).
 */
export function paragraphsWithText(db: Db, articleIds: readonly number[]): Map<number, StoredParagraph[]> {
  const ids = JSON.stringify(articleIds)
  const bodies = prepared<[string], [number, Uint8Array]>(db, 'SELECT id, body FROM article_store WHERE id IN (SELECT value FROM json_each(?))').raw(true).all(ids)
  const texts = new Map(bodies.map(([id, body]) => [id, unpackText(body)]))
  const out = new Map<number, StoredParagraph[]>()
  const rows = prepared<[string], [number, number, number, number, number, number | null]>(
    db,
    'SELECT article_id, id, ordinal, start, end, page FROM paragraphs WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, ordinal'
  )
    .raw(true)
    .all(ids)
  for (const [articleId, id, ordinal, start, end, page] of rows) {
    const text = texts.get(articleId)
    if (text === undefined) continue
    let list = out.get(articleId)
    if (!list) out.set(articleId, (list = []))
    list.push({ id, ordinal, start, end, page, text: text.slice(start, end) })
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
