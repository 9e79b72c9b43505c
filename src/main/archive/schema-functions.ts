import { registerArticleBody } from './article-body'
import type { Db } from './db'
import { registerSearchDeferral } from './search-deferral'

/** The SQL functions the schema's view and triggers call; every connection to an archive registers them. */
export function registerSchemaFunctions(db: Db): void {
  registerArticleBody(db)
  registerSearchDeferral(db)
}
