import type { Db } from '../archive/db'
import { now } from '../archive/clock'
import { AnnalistError } from '../../shared/errors'
import type { SavedSearch, SearchSort } from '../../shared/search'

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
export function listSavedSearches(db: Db): SavedSearch[] {
  return db
    .prepare<[], SavedRow>('SELECT id, name, query, fuzzy, sort, created_at FROM saved_searches ORDER BY name COLLATE NOCASE')
    .all()
    .map(toSaved)
}

/** Saves a search under a name; saving an existing name replaces its query. */
export function saveSearch(db: Db, args: { name: string; query: string; fuzzy?: boolean; sort?: SearchSort }): SavedSearch {
  const name = args.name.trim()
  if (!name) throw new AnnalistError('invalid-argument', 'a saved search needs a name')
  const row = db
    .prepare<[string, string, number, string, string], SavedRow>(
      `INSERT INTO saved_searches (name, query, fuzzy, sort, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET query = excluded.query, fuzzy = excluded.fuzzy, sort = excluded.sort
       RETURNING id, name, query, fuzzy, sort, created_at`
    )
    .get(name, args.query, args.fuzzy ? 1 : 0, args.sort ?? 'rank', now())!
  return toSaved(row)
}

/** Deletes a saved search; `not-found` when there is none with that id. */
export function deleteSavedSearch(db: Db, id: number): void {
  const info = db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id)
  if (info.changes === 0) throw new AnnalistError('not-found', `no saved search with id ${id}`)
}
