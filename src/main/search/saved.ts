import type { Db } from '../archive/db'
import { now } from '../archive/clock'
import { allSavedSearches, deleteSavedSearchRow, upsertSavedSearch } from '../archive/repo/saved-searches'
import { AnnalistError } from '../../shared/errors'
import type { SavedSearch, SearchSort } from '../../shared/search'

/** Saved searches by name. */
export function listSavedSearches(db: Db): SavedSearch[] {
  return allSavedSearches(db)
}

/** Saves a search under a name; saving an existing name replaces its query. */
export function saveSearch(db: Db, args: { name: string; query: string; fuzzy?: boolean; sort?: SearchSort }): SavedSearch {
  const name = args.name.trim()
  if (!name) throw new AnnalistError('invalid-argument', 'a saved search needs a name')
  return upsertSavedSearch(db, { name, query: args.query, fuzzy: args.fuzzy ?? false, sort: args.sort ?? 'rank', at: now() })
}

/** Deletes a saved search; `not-found` when there is none with that id. */
export function deleteSavedSearch(db: Db, id: number): void {
  if (!deleteSavedSearchRow(db, id)) throw new AnnalistError('not-found', `no saved search with id ${id}`)
}
