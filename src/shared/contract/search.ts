/** Contract rows of searching the archive and saved searches. */
import * as z from 'zod/mini'
import type { ArticleHighlights, SavedSearch, SearchResult, Suggestion } from '../search'
import { method, returns } from './method'
import { flag, id, list, none, prefix, query, searchSort, text, whole } from './schemas'

export const searchMethods = {
  /** Runs a search-box query: ranked or dated hits with snippets, total, facets and variant expansions. */
  search: method({
    args: z.strictObject({
      query,
      fuzzy: flag,
      sort: z.optional(searchSort),
      limit: z.optional(whole(1, 1000)),
      offset: z.optional(whole(0, 1_000_000))
    }),
    result: returns<SearchResult>(),
    access: 'read'
  }),
  /** Autocomplete for the word being typed: archive words, outlets, places, people, titles. */
  suggest: method({
    args: z.strictObject({ prefix, limit: z.optional(whole(1, 100)) }),
    result: returns<Suggestion[]>(),
    access: 'read'
  }),
  /** Where a query matches inside one article's clean text, for the Reader's next/previous. */
  highlightArticle: method({
    args: z.strictObject({ articleId: id, query, fuzzy: flag }),
    result: returns<ArticleHighlights>(),
    access: 'read'
  }),
  /** Saved searches by name. */
  listSavedSearches: method({ args: none, result: returns<SavedSearch[]>(), access: 'read' }),
  /** Saves (or, for an existing name, replaces) a named search. */
  saveSearch: method({
    args: z.strictObject({ name: text(1, 200), query, fuzzy: flag, sort: z.optional(searchSort) }),
    result: returns<SavedSearch>(),
    access: 'write'
  }),
  /**
   * Sets the spellings left out of a query's fuzzy expansions (the "also matched" list's drop),
   * remembered for that query text; an empty list restores them all.
   */
  setDroppedSpellings: method({
    args: z.strictObject({ query, spellings: list(text(1, 200), 0, 256) }),
    result: returns<{ dropped: string[] }>(),
    access: 'write'
  }),
  /** Deletes a saved search. */
  deleteSavedSearch: method({ args: z.strictObject({ id }), result: returns<{ deleted: true }>(), access: 'write' })
}
