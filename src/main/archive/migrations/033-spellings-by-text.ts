import type { Migration } from './types'

/**
 * Entity spellings by their text, case folded as SQLite folds it (ASCII), for a search filter
 * naming an entity by one of the spellings it was seen under: `place:America` and `place:US`
 * name the United States, which the gazetteer keyed by its everyday name; neither is in that
 * key or in the name shown, so without this neither found it (`repo/entity-lookup`
 * `articleIdsMentioning`). 187,398 spellings at 100,000 generated articles. Spellings' counts
 * change on every article stored; their text never does, so this index is written only for a
 * spelling seen for the first time.
 */
export const m033SpellingsByText: Migration = {
  version: 33,
  name: 'entity spellings by text',
  up(db) {
    db.exec('CREATE INDEX entity_spellings_by_text ON entity_spellings(text COLLATE NOCASE)')
  }
}
