/** Saved searches: a name for a query with its fuzzy flag and sort. */
import type { Db } from '../db'
import { all, get, run, sql } from '../sql'
import type { SavedSearch, SearchSort } from '../../../shared/search'

interface SavedRow {
  id: number
  name: string
  query: string
  fuzzy: number
  sort: SearchSort
  created_at: string
}

function toSaved(r: SavedRow): SavedSearch {
  return { id: r.id, name: r.name, query: r.query, fuzzy: r.fuzzy === 1, sort: r.sort, createdAt: r.created_at }
}

/** Saved searches by name. */
export function allSavedSearches(db: Db): SavedSearch[] {
  return all<SavedRow>(db, sql`SELECT id, name, query, fuzzy, sort, created_at FROM saved_searches ORDER BY name COLLATE NOCASE`).map(toSaved)
}

/** Saves a search under a name; an existing name keeps its id and creation time and takes the new query, flag and sort. */
export function upsertSavedSearch(db: Db, row: { name: string; query: string; fuzzy: boolean; sort: SearchSort; at: string }): SavedSearch {
  return toSaved(
    get<SavedRow>(
      db,
      sql`INSERT INTO saved_searches (name, query, fuzzy, sort, created_at) VALUES (${row.name}, ${row.query}, ${row.fuzzy ? 1 : 0}, ${row.sort}, ${row.at})
          ON CONFLICT (name) DO UPDATE SET query = excluded.query, fuzzy = excluded.fuzzy, sort = excluded.sort
          RETURNING id, name, query, fuzzy, sort, created_at`
    )!
  )
}

/** Deletes a saved search; whether there was one with that id. */
export function deleteSavedSearchRow(db: Db, id: number): boolean {
  return run(db, sql`DELETE FROM saved_searches WHERE id = ${id}`).changes > 0
}
