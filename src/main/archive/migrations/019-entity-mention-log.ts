import type { Migration } from './types'

/**
 * Readers keep each article's entities in memory for the entity facets of a search: counting
 * them from `entity_mentions` read tens of index rows per matching article (16–20 ms for 2,000
 * articles at 26,853, over half of all search time in a mixed run). Their copy catches up from
 * the article change log (migration 010), so a change to an article's mentions is logged there
 * like a change to the article: an import, a re-extraction, a merge or split, and the undo or
 * redo of any of them, since undo replays rows and these triggers fire on the replay too.
 */
export const m019EntityMentionLog: Migration = {
  version: 19,
  name: 'mention changes in the article change log',
  up(db) {
    db.exec(`
      CREATE TRIGGER entity_mentions_log_ai AFTER INSERT ON entity_mentions BEGIN
        INSERT INTO search_article_log(article_id) VALUES (new.article_id);
        UPDATE search_state SET generation = generation + 1;
      END;
      CREATE TRIGGER entity_mentions_log_ad AFTER DELETE ON entity_mentions BEGIN
        INSERT INTO search_article_log(article_id) VALUES (old.article_id);
        UPDATE search_state SET generation = generation + 1;
      END;
      CREATE TRIGGER entity_mentions_log_au AFTER UPDATE OF article_id, entity_id ON entity_mentions BEGIN
        INSERT INTO search_article_log(article_id) VALUES (new.article_id);
        INSERT INTO search_article_log(article_id) SELECT old.article_id WHERE old.article_id <> new.article_id;
        UPDATE search_state SET generation = generation + 1;
      END;
    `)
  }
}
