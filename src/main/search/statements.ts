import type { Statement } from 'better-sqlite3'
import type { Db } from '../archive/db'

const cache = new WeakMap<Db, Map<string, Statement>>()

/** A prepared statement, prepared once per connection: a search runs a dozen, many times a second. */
export function statement(db: Db, sql: string): Statement {
  let map = cache.get(db)
  if (!map) cache.set(db, (map = new Map()))
  let stmt = map.get(sql)
  if (!stmt) map.set(sql, (stmt = db.prepare(sql)))
  return stmt
}
