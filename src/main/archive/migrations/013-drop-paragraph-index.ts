import type { Migration } from './types'

/**
 * Drops `paragraphs_fts`, the paragraph-level FTS5 index of migration 001, and its three
 * triggers. Search has run on the article-level `search_fts` (migration 004) since it existed;
 * nothing read the paragraph index, yet every import wrote each paragraph's words into it a
 * second time: at 3,000 generated news articles it was 0.54× the clean text (10.6 of 99.4 MB)
 * and a fifth of the FTS work of each commit. The pages it held go to the free list and are
 * reused by the next imports (the file shrinks only on VACUUM).
 */
export const m013DropParagraphIndex: Migration = {
  version: 13,
  name: 'drop the unused paragraph full-text index',
  up(db) {
    db.exec(`
      DROP TRIGGER IF EXISTS paragraphs_ai;
      DROP TRIGGER IF EXISTS paragraphs_ad;
      DROP TRIGGER IF EXISTS paragraphs_au;
      DROP TABLE IF EXISTS paragraphs_fts;
    `)
  }
}
