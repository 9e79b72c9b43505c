import type { Migration } from './types'

/**
 * The Library pages through 100,000 articles sorted by title or length; without these indexes
 * every page far down the list sorted the whole table.
 */
export const m006LibrarySortIndexes: Migration = {
  version: 6,
  name: 'library sort indexes',
  up(db) {
    db.exec(`
      CREATE INDEX articles_title_sort ON articles(title COLLATE NOCASE, id);
      CREATE INDEX articles_words_sort ON articles(word_count, id);
      CREATE INDEX articles_published_sort ON articles(published_earliest, id);
      DROP INDEX articles_published;
    `)
  }
}
