import type { Statement } from 'better-sqlite3'
import type { Db } from './db'

/**
 * Statements kept per connection. Bounded, least recently used first out: texts built from
 * optional clauses come in many variants, and a connection lives as long as the archive is open.
 */
const LIMIT = 500

const cache = new WeakMap<Db, Map<string, Statement>>()

/**
 * A prepared statement, prepared once per connection: the import runs the same few thousands of
 * times, and a search runs a dozen many times a second. The one statement cache of the backend.
 */
export function prepared<P extends unknown[] = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let map = cache.get(db)
  if (!map) cache.set(db, (map = new Map()))
  let s = map.get(sql)
  if (s) {
    map.delete(sql)
  } else {
    s = db.prepare(sql)
    if (map.size >= LIMIT) map.delete(map.keys().next().value!)
  }
  map.set(sql, s)
  return s as Statement<P, R>
}
