/** Adapters from the API contract to what the views consume. */
import type { SearchBackend } from '../views/search/backend'
import { api } from './client'

/** Search, suggestions and saved searches. */
export const searchBackend: SearchBackend = {
  search: (q) => api.search(q),
  suggest: (prefix) => api.suggest({ prefix, limit: 8 }),
  saved: {
    list: () => api.listSavedSearches({}),
    save: (s) => api.saveSearch(s),
    remove: async (id) => {
      await api.deleteSavedSearch({ id })
    }
  }
}
