import type { Migration } from './types'

/**
 * Each paragraph keeps the key of its words (`text/shingles.ts` `wordsKey`). Near-duplicate
 * matching verifies a candidate pair of paragraphs on their exact shingles, which meant reading
 * the candidate article's whole text: at 100,000 generated articles an import read 29 candidate
 * articles per article. A pair whose keys agree carries the same words, so it is decided from
 * the new paragraph alone.
 *
 * Keys are written with paragraphs from now on; stored paragraphs keep none and are verified on
 * their text as before. Computing them here took 35 s at 102,000 articles, at the first open
 * after the upgrade, for a 4 % cheaper import: not worth making a large archive wait.
 */
export const m022ParagraphWordsKey: Migration = {
  version: 22,
  name: 'paragraph words keys',
  up(db) {
    db.exec('ALTER TABLE paragraphs ADD COLUMN words_key INTEGER')
  }
}
