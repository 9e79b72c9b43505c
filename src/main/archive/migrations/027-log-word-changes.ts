import { logOnce } from './020-article-log-once'
import type { Migration } from './types'

/**
 * The article change log named articles inserted, deleted, or changed in a filter column or in
 * their mentions: what readers' article columns and entities follow. A reader's bitmaps of the
 * most common words' articles (search/common-ids.ts) follow the words too, so it names an article
 * whose title, dek or text changed (edited, or cleaned of an outlet's learned boilerplate) as well.
 */
export const m027LogWordChanges: Migration = {
  version: 27,
  name: 'article change log names articles whose words changed',
  up(db) {
    db.exec(`
      CREATE TRIGGER search_article_log_au_words AFTER UPDATE OF title, dek, text ON articles BEGIN
        ${logOnce('new.id')}
      END;
    `)
  }
}
