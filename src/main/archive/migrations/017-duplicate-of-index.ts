import type { Migration } from './types'

/**
 * `articles.duplicate_of` is set to NULL when the article it names is deleted, and without an
 * index SQLite finds those rows by reading the whole articles table once per deleted article
 * (`SCAN articles` in the plan of a delete): at 100,000 articles a selection of a thousand read
 * the table a thousand times. Few articles are duplicates, so the index is partial and small; a
 * lookup `duplicate_of = ?` implies the index's `IS NOT NULL` and uses it.
 */
export const m017DuplicateOfIndex: Migration = {
  version: 17,
  name: 'index of articles by the article they duplicate',
  up(db) {
    db.exec('CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL')
  }
}
