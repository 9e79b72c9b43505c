import type { Migration } from './types'

/**
 * The entity list by kind, most articles first (`repo/entity-lookup` `listEntityIds`), in place of
 * the list of every kind. Opening the organisations at 100,000 generated articles (164,036 of
 * their 170,239 entities) took 431–597 ms: the planner went by the (kind, key) index and read
 * every organisation's row to sort them. This index hands a kind's page over in order and counts
 * it without a row read (`hidden` and `mentions`, which the list tests, ride along for that); a
 * list of every kind merges the kinds' pages. It replaces `entities_by_articles` instead of
 * joining it, so storing an article, which moves every entity it names in this order, writes one
 * index entry each as before.
 */
export const m034EntityListByKind: Migration = {
  version: 34,
  name: 'entity list by kind',
  up(db) {
    db.exec(`
      DROP INDEX entities_by_articles;
      CREATE INDEX entities_by_kind ON entities(kind, articles DESC, id, hidden, mentions);
    `)
  }
}
