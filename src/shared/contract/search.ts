/** Contract rows of searching the archive and saved searches. */
import { z } from 'zod'
import type { ArticleHighlights, SavedSearch, SearchResult, Suggestion } from '../search'
import { method, returns } from './method'
import { id, none, prefix, query, searchSort } from './schemas'

export const searchMethods = {
  /** Runs a search-box query: ranked or dated hits with snippets, total, facets and variant expansions. */
  search: method({
    args: z
      .object({
        query,
        fuzzy: z.boolean().optional(),
        sort: searchSort.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        offset: z.number().int().min(0).max(1_000_000).optional()
      })
      .strict(),
    result: returns<SearchResult>(),
    access: 'read'
  }),
  /** Autocomplete for the word being typed: archive words, outlets, places, people, titles. */
  suggest: method({
    args: z.object({ prefix, limit: z.number().int().min(1).max(100).optional() }).strict(),
    result: returns<Suggestion[]>(),
    access: 'read'
  }),
  /** Where a query matches inside one article's clean text, for the Reader's next/previous. */
  highlightArticle: method({
    args: z.object({ articleId: id, query, fuzzy: z.boolean().optional() }).strict(),
    result: returns<ArticleHighlights>(),
    access: 'read'
  }),
  /** Saved searches by name. */
  listSavedSearches: method({ args: none, result: returns<SavedSearch[]>(), access: 'read' }),
  /** Saves (or, for an existing name, replaces) a named search. */
  saveSearch: method({
    args: z.object({ name: z.string().min(1).max(200), query, fuzzy: z.boolean().optional(), sort: searchSort.optional() }).strict(),
    result: returns<SavedSearch>(),
    access: 'write'
  }),
  /** Deletes a saved search. */
  deleteSavedSearch: method({ args: z.object({ id }).strict(), result: returns<{ deleted: true }>(), access: 'write' })
}
