import type { Statement } from 'better-sqlite3'
import type { Db } from './db'

const cache = new WeakMap<Db, Map<string, Statement>>()

/** A prepared statement kept per connection: the import runs the same few thousands of times. */
export function prepared<P extends unknown[] = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let map = cache.get(db)
  if (!map) cache.set(db, (map = new Map()))
  let s = map.get(sql)
  if (!s) map.set(sql, (s = db.prepare(sql)))
  return s as Statement<P, R>
}
