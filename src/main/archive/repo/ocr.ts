/** OCR confidence of articles read from page images: the SQL of article_ocr and paragraph_ocr_words. */
import type { Db } from '../db'
import { prepared } from '../statements'
import { DOUBTFUL_OCR_CONFIDENCE, type OcrWordSpan } from '../../../shared/types'
import type { ParsedArticle } from '../parsed-article'

/** Flat `[start, end, confidence, …]`: a third of the bytes of an array of objects. */
function encodeWords(words: readonly OcrWordSpan[]): string {
  return JSON.stringify(words.flatMap((w) => [w.start, w.end, w.confidence]))
}

function decodeWords(json: string): OcrWordSpan[] {
  const flat = JSON.parse(json) as number[]
  const out: OcrWordSpan[] = []
  for (let i = 0; i + 2 < flat.length; i += 3) out.push({ start: flat[i]!, end: flat[i + 1]!, confidence: flat[i + 2]! })
  return out
}

/**
 * Stores what OCR said of a new article: its mean confidence and each paragraph's words, by
 * paragraph row id (in the order of `parsed.paragraphs`). Nothing for text not read by OCR.
 * Call inside the transaction that inserted the article.
 */
export function insertOcrConfidence(db: Db, articleId: number, parsed: ParsedArticle, paragraphIds: readonly number[]): void {
  if (parsed.ocrConfidence === undefined) return
  prepared(db, 'INSERT INTO article_ocr (article_id, mean_confidence) VALUES (?, ?)').run(articleId, parsed.ocrConfidence)
  const insertWords = prepared(db, 'INSERT INTO paragraph_ocr_words (paragraph_id, words) VALUES (?, ?)')
  parsed.paragraphs.forEach((p, i) => {
    if (p.ocrWords && p.ocrWords.length > 0) insertWords.run(paragraphIds[i]!, encodeWords(p.ocrWords))
  })
}

/** An article's mean OCR confidence and its doubtful words by paragraph ordinal; null when it was not read by OCR. */
export function ocrConfidenceOf(db: Db, articleId: number): { mean: number; doubtful: Map<number, OcrWordSpan[]> } | null {
  const mean = prepared<[number], { mean_confidence: number }>(db, 'SELECT mean_confidence FROM article_ocr WHERE article_id = ?').get(articleId)
  if (!mean) return null
  const rows = prepared<[number], { ordinal: number; words: string }>(
    db,
    'SELECT p.ordinal, w.words FROM paragraph_ocr_words w JOIN paragraphs p ON p.id = w.paragraph_id WHERE p.article_id = ?'
  ).all(articleId)
  const doubtful = new Map<number, OcrWordSpan[]>()
  for (const r of rows) {
    const low = decodeWords(r.words).filter((w) => w.confidence < DOUBTFUL_OCR_CONFIDENCE)
    if (low.length > 0) doubtful.set(r.ordinal, low)
  }
  return { mean: mean.mean_confidence, doubtful }
}
