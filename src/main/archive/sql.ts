/**
 * SQL text and its parameters travel together (after Signal Desktop's ts/sql/util.ts): a query is
 * written as a tagged template, every `${value}` becomes a `?` bound to that value, and nested
 * fragments splice in their own text and parameters in order. No caller ever builds a WHERE
 * string beside a parallel array of parameters, so the two cannot drift apart, and no value can
 * reach the SQL text.
 */
import type { Statement } from 'better-sqlite3'
import type { Db } from './db'
import { prepared } from './statements'

/**
 * What SQLite binds: better-sqlite3 takes these as parameters. Any Uint8Array binds as a blob,
 * Buffer or not (a stored text's compressed body is typed as one: `archive/article-body.ts`).
 */
export type SqlValue = string | number | bigint | Uint8Array | null

const FRAGMENT = Symbol('sql fragment')

/** SQL text with `?` placeholders and the values bound to them, in order. */
export interface SqlFragment {
  readonly [FRAGMENT]: true
  readonly text: string
  readonly params: readonly SqlValue[]
}

function isFragment(value: unknown): value is SqlFragment {
  return typeof value === 'object' && value !== null && FRAGMENT in value
}

function fragment(text: string, params: readonly SqlValue[]): SqlFragment {
  return { [FRAGMENT]: true, text, params }
}

/**
 * A query or a piece of one. Template text is trusted SQL; each interpolated value is bound as a
 * parameter, each interpolated fragment is spliced in with its parameters. A literal `?` in the
 * template text would bind to the wrong value, so it is refused.
 */
export function sql(strings: TemplateStringsArray, ...values: readonly (SqlValue | SqlFragment)[]): SqlFragment {
  let text = strings[0]!
  const params: SqlValue[] = []
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    if (isFragment(value)) {
      text += value.text
      params.push(...value.params)
    } else {
      text += '?'
      params.push(value)
    }
    text += strings[i + 1]!
  }
  if (strings.some((s) => s.includes('?'))) throw new Error(`sql: write values as \${…}, not as ? in the text: ${text}`)
  return fragment(text, params)
}

/** The empty fragment, for an optional clause. */
export const sqlEmpty: SqlFragment = fragment('', [])

/** Separators sqlJoin accepts; a fixed list, so no value can enter the text through one. */
export type SqlSeparator = ', ' | ' AND ' | ' OR ' | ' UNION ALL '

/** Values (each bound) and fragments (spliced) joined by `separator`; empty for an empty list. */
export function sqlJoin(items: readonly (SqlValue | SqlFragment)[], separator: SqlSeparator = ', '): SqlFragment {
  const texts: string[] = []
  const params: SqlValue[] = []
  for (const item of items) {
    if (isFragment(item)) {
      texts.push(item.text)
      params.push(...item.params)
    } else {
      texts.push('?')
      params.push(item)
    }
  }
  return fragment(texts.join(separator), params)
}

/** `WHERE a AND b …` over the given conditions, or nothing when there are none. */
export function sqlWhere(conditions: readonly SqlFragment[]): SqlFragment {
  return conditions.length === 0 ? sqlEmpty : sql`WHERE ${sqlJoin(conditions, ' AND ')}`
}

/**
 * A subquery listing the given values, for `x IN ${sqlList(ids)}`. The list is bound as one JSON
 * parameter, so the text is the same for any length: one cached statement, and no limit on the
 * number of SQLite variables.
 */
export function sqlList(values: readonly (string | number)[]): SqlFragment {
  return sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`
}

/** The cached statement returning rows as objects: search sets raw or pluck mode on shared statements. */
function rowsOf<R>(db: Db, query: SqlFragment): Statement<SqlValue[], R> {
  return prepared<SqlValue[], R>(db, query.text).pluck(false).raw(false)
}

/** `text` with LIKE's wildcards taken literally; use with ESCAPE '\\'. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** A LIKE pattern for text starting with `prefix`, wildcards in it taken literally; use with ESCAPE '\\'. */
export function likePrefix(prefix: string): string {
  return `${likeLiteral(prefix)}%`
}

/** Every row of a query. */
export function all<R>(db: Db, query: SqlFragment): R[] {
  return rowsOf<R>(db, query).all(...query.params)
}

/** The rows of a query one at a time, for a reader that may stop early (leaving the loop ends the query). */
export function iterate<R>(db: Db, query: SqlFragment): IterableIterator<R> {
  return rowsOf<R>(db, query).iterate(...query.params)
}

/** The first row of a query, or undefined. */
export function get<R>(db: Db, query: SqlFragment): R | undefined {
  return rowsOf<R>(db, query).get(...query.params)
}

/** Runs a statement that returns no rows. */
export function run(db: Db, query: SqlFragment): { changes: number; lastInsertRowid: number | bigint } {
  return prepared<SqlValue[]>(db, query.text).run(...query.params)
}
