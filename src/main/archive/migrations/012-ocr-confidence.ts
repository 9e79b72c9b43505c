import type { Migration } from './types'

/**
 * How sure OCR was of text read from page images (scans, photographed pages).
 *
 * `article_ocr` holds an article's mean word confidence (0–100), the figure the Reader and the
 * details show; an article not read by OCR has no row. `paragraph_ocr_words` holds every word of
 * a paragraph as a JSON array of flat triples `[start, end, confidence, …]`, offsets into the
 * paragraph's own text: keyed by the paragraph row, the words follow it when other paragraphs
 * are removed (ordinals and article offsets shift, the row and its text do not) and go with it
 * by cascade when the paragraph or its article is deleted or the text replaced.
 */
export const m012OcrConfidence: Migration = {
  version: 12,
  name: 'OCR word confidence',
  up(db) {
    db.exec(`
      CREATE TABLE article_ocr (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        mean_confidence REAL NOT NULL CHECK (mean_confidence BETWEEN 0 AND 100)
      ) STRICT;

      CREATE TABLE paragraph_ocr_words (
        paragraph_id INTEGER PRIMARY KEY REFERENCES paragraphs(id) ON DELETE CASCADE,
        words TEXT NOT NULL CHECK (json_valid(words))
      ) STRICT;
    `)
  }
}
