/** What the search UI needs from the backend; App wires these to the API methods. */
import type { SavedSearch, SearchQuery, SearchResult, Suggestion } from '../../../../shared/search'

export interface SearchBackend {
  search(q: SearchQuery): Promise<SearchResult>
  /** Completions for the word being typed; absent until the backend offers it. */
  suggest?(prefix: string): Promise<Suggestion[]>
  saved?: {
    list(): Promise<SavedSearch[]>
    save(s: { name: string; query: string; fuzzy: boolean; sort: SearchQuery['sort'] }): Promise<SavedSearch>
    remove(id: number): Promise<void>
  }
}
