import type { AnnalistApi } from '../../shared/api'
import { parseQuery } from '../../shared/query'
import { searchEngine } from '../search/engine'
import { buildMatcher } from '../search/highlight'
import { droppedSpellings, setDroppedSpellings } from '../search/dropped'
import { expander, runSearch } from '../search/execute'
import { boundPrefixes } from '../search/prefixes'
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../search/saved'
import { articleMatchRanges } from '../search/snippets'
import { suggest } from '../search/suggest'
import type { BackendContext } from './context'

type SearchMethods =
  | 'search'
  | 'suggest'
  | 'highlightArticle'
  | 'setDroppedSpellings'
  | 'listSavedSearches'
  | 'saveSearch'
  | 'deleteSavedSearch'

/** Search, autocomplete, in-article highlights and saved searches. */
export function searchApi(ctx: BackendContext): Pick<AnnalistApi, SearchMethods> {
  const engine = () => searchEngine(ctx.archive.db)
  return {
    async search(query) {
      return runSearch(engine(), query)
    },
    async suggest(args) {
      return suggest(engine(), args)
    },
    async highlightArticle({ articleId, query, fuzzy }) {
      const e = engine()
      e.refresh()
      const parsed = parseQuery(query, { fuzzy: fuzzy === true })
      const root = boundPrefixes(parsed.root, () => e.vocabulary(), [])
      return { articleId, ranges: articleMatchRanges(e.db, articleId, buildMatcher(root, expander(e, droppedSpellings(e.db, query)))) }
    },
    async setDroppedSpellings({ query, spellings }) {
      return { dropped: setDroppedSpellings(ctx.archive.db, query, spellings) }
    },
    async listSavedSearches() {
      return listSavedSearches(ctx.archive.db)
    },
    async saveSearch(args) {
      return saveSearch(ctx.archive.db, args)
    },
    async deleteSavedSearch({ id }) {
      deleteSavedSearch(ctx.archive.db, id)
      return { deleted: true as const }
    }
  }
}
