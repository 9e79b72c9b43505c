import type { Migration } from './types'
import { wordsKey } from '../../text/shingles'

/** Articles read per statement while keys are computed, so memory stays flat on a large archive. */
const BATCH = 500

/**
 * Each paragraph keeps the key of its words (`text/shingles.ts` `wordsKey`). Near-duplicate
 * matching verifies a candidate pair of paragraphs on their exact shingles, which meant reading
 * the candidate article's whole text: at 100,000 generated articles an import read 29 candidate
 * articles per article, and most candidates were verbatim copies of a wire paragraph. A pair
 * whose keys agree carries the same words, so it is decided from the new paragraph alone.
 * Keys are computed here for the paragraphs already stored, from their article's text.
 */
export const m022ParagraphWordsKey: Migration = {
  version: 22,
  name: 'paragraph words keys',
  up(db) {
    db.exec('ALTER TABLE paragraphs ADD COLUMN words_key INTEGER')
    const articles = db.prepare<[number, number], { id: number; text: string }>('SELECT id, text FROM articles WHERE id > ? ORDER BY id LIMIT ?')
    const spans = db.prepare<[number], { id: number; start: number; end: number }>('SELECT id, start, end FROM paragraphs WHERE article_id = ?')
    const set = db.prepare<[number, number]>('UPDATE paragraphs SET words_key = ? WHERE id = ?')
    for (let after = 0; ; ) {
      const batch = articles.all(after, BATCH)
      if (batch.length === 0) break
      for (const a of batch) for (const p of spans.all(a.id)) set.run(wordsKey(a.text.slice(p.start, p.end)), p.id)
      after = batch[batch.length - 1]!.id
    }
  }
}
