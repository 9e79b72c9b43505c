import type { Db } from './db'
import { prepared } from './statements'

/**
 * An import batch indexes its articles for search once, at the end of its transaction, instead of
 * as each row goes in.
 *
 * Why: FTS5 writes the rows it holds in memory as a new segment at every savepoint
 * (`fts5SavepointMethod` → `sqlite3Fts5FlushToDisk`, SQLite 3.54.1). Each file of a batch is
 * stored in a savepoint of its own, and each statement that needs a statement journal (a foreign
 * key, a trigger) opens another, so each article became a segment of its own and FTS5's
 * automerge ran inside whichever statement came next: at 100,000 articles one paragraph insert
 * in a hundred took 20-50 ms.
 *
 * How: the schema's triggers (migration 037) ask `search_index_defers(id)` before indexing an
 * inserted article. Inside `indexedAtEnd` it notes the id and answers 1, so the trigger leaves the
 * row out; everywhere else it answers 0 and the trigger indexes as before. An update or delete of
 * a noted article (an earlier file of the batch cleaned of boilerplate a later one taught) leaves
 * the search tables alone (`search_index_pending`): what was never indexed must not be removed,
 * and the end indexes the row as it then is. A file rolled back to its savepoint leaves its id
 * noted; the end finds no such row and indexes nothing for it (or the row a later file stored
 * under the same id, which is noted too).
 */
const noted = new WeakMap<Db, Set<number>>()

/** The SQL functions the search triggers call; every connection to an archive needs them. */
export function registerSearchDeferral(db: Db): void {
  db.function('search_index_defers', (id: unknown) => {
    const ids = noted.get(db)
    if (!ids) return 0
    ids.add(Number(id))
    return 1
  })
  db.function('search_index_pending', (id: unknown) => (noted.get(db)?.has(Number(id)) ? 1 : 0))
}

/**
 * Runs `fn` in a transaction (a savepoint inside another) whose inserted articles are indexed for
 * search at its end, before it commits, so no reader ever sees an article that search misses.
 */
export function indexedAtEnd<T>(db: Db, fn: () => T): T {
  if (noted.has(db)) return db.transaction(fn)()
  return db.transaction(() => {
    const ids = new Set<number>()
    noted.set(db, ids)
    let out: T
    try {
      out = fn()
    } finally {
      noted.delete(db)
    }
    if (ids.size > 0) {
      // In id order: FTS5 appends rowids in ascending order to the segment it builds.
      const json = JSON.stringify([...ids].sort((a, b) => a - b))
      prepared(
        db,
        `INSERT INTO search_fts(rowid, title, dek, text)
         SELECT id, title, dek, article_text(body) FROM article_store WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`
      ).run(json)
      prepared(
        db,
        'INSERT INTO articles_fts(rowid, title, dek) SELECT id, title, dek FROM article_store WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id'
      ).run(json)
    }
    return out
  })()
}
