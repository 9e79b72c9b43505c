import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/main/archive/db'
import { prepared } from '../../../src/main/archive/statements'
import { all, get, likePrefix, run, sql, sqlEmpty, sqlJoin, sqlList, sqlWhere } from '../../../src/main/archive/sql'

let db: Db | null = null

function memory(): Db {
  db = new Database(':memory:')
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER);
           INSERT INTO t (id, name, n) VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c''d', 30), (4, '?', 40)`)
  return db
}

afterEach(() => {
  db?.close()
  db = null
})

describe('sql', () => {
  it('binds every value as a parameter and never writes it into the text', () => {
    const hostile = "x' OR 1=1 --"
    const q = sql`SELECT id FROM t WHERE name = ${hostile} AND n > ${5}`
    expect(q.text).toBe('SELECT id FROM t WHERE name = ? AND n > ?')
    expect(q.params).toEqual([hostile, 5])
    expect(q.text).not.toContain(hostile)
    expect(all(memory(), q)).toEqual([])
  })

  it('finds a row whose value looks like SQL or a placeholder', () => {
    const d = memory()
    expect(get<{ id: number }>(d, sql`SELECT id FROM t WHERE name = ${"c'd"}`)).toEqual({ id: 3 })
    expect(get<{ id: number }>(d, sql`SELECT id FROM t WHERE name = ${'?'}`)).toEqual({ id: 4 })
  })

  it('splices nested fragments with their parameters in order', () => {
    const low = sql`n >= ${15}`
    const named = sql`name <> ${'c'}`
    const q = sql`SELECT id FROM t WHERE ${low} AND ${named} AND id < ${4} ORDER BY id`
    expect(q.text).toBe('SELECT id FROM t WHERE n >= ? AND name <> ? AND id < ? ORDER BY id')
    expect(q.params).toEqual([15, 'c', 4])
    expect(all<{ id: number }>(memory(), q).map((r) => r.id)).toEqual([2, 3])
  })

  it('refuses a literal ? in the template text, which would bind to the wrong value', () => {
    expect(() => sql`SELECT id FROM t WHERE name = ? AND n = ${1}`).toThrow(/not as \?/)
  })

  it('joins values and fragments, and builds WHERE only when there are conditions', () => {
    expect(sqlJoin([1, 2, 3])).toMatchObject({ text: '?, ?, ?', params: [1, 2, 3] })
    expect(sqlJoin([sql`a = ${1}`, sql`b = ${'x'}`], ' OR ')).toMatchObject({ text: 'a = ? OR b = ?', params: [1, 'x'] })
    expect(sqlJoin([])).toMatchObject({ text: '', params: [] })
    expect(sqlWhere([])).toBe(sqlEmpty)
    const d = memory()
    const ids = (conditions: ReturnType<typeof sql>[]): number[] =>
      all<{ id: number }>(d, sql`SELECT id FROM t ${sqlWhere(conditions)} ORDER BY id`).map((r) => r.id)
    expect(ids([])).toEqual([1, 2, 3, 4])
    expect(ids([sql`n > ${15}`, sql`n < ${35}`])).toEqual([2, 3])
  })

  it('matches IN-lists of any length with one statement text', () => {
    const d = memory()
    const q = (values: (string | number)[]): ReturnType<typeof sql> => sql`SELECT id FROM t WHERE id IN ${sqlList(values)} ORDER BY id`
    expect(q([1]).text).toBe(q([1, 2, 3]).text)
    expect(all<{ id: number }>(d, q([3, 1, 99])).map((r) => r.id)).toEqual([1, 3])
    expect(all(d, q([]))).toEqual([])
    // Far beyond SQLite's limit on bound variables: the list is one JSON parameter.
    const many = Array.from({ length: 40_000 }, (_, i) => i + 1)
    expect(all(d, q(many))).toHaveLength(4)
    expect(all<{ id: number }>(d, sql`SELECT id FROM t WHERE name IN ${sqlList(['b', "c'd"])} ORDER BY id`).map((r) => r.id)).toEqual([2, 3])
    // A value list written out with sqlJoin works too, for short fixed lists.
    expect(all<{ id: number }>(d, sql`SELECT id FROM t WHERE id IN (${sqlJoin([2, 4])}) ORDER BY id`).map((r) => r.id)).toEqual([2, 4])
  })

  it('runs writes through the same parameters', () => {
    const d = memory()
    const done = run(d, sql`UPDATE t SET name = ${'z'} WHERE id IN ${sqlList([1, 2])}`)
    expect(done.changes).toBe(2)
    expect(all<{ name: string }>(d, sql`SELECT name FROM t WHERE id <= ${2}`).map((r) => r.name)).toEqual(['z', 'z'])
  })

  it('returns row objects even when the cached statement was last used in raw or pluck mode', () => {
    const d = memory()
    const q = sql`SELECT id, name FROM t WHERE id = ${1}`
    expect(prepared(d, q.text).raw().get(1)).toEqual([1, 'a'])
    expect(get(d, q)).toEqual({ id: 1, name: 'a' })
    expect(prepared(d, q.text).pluck().get(1)).toBe(1)
    expect(all(d, q)).toEqual([{ id: 1, name: 'a' }])
  })

  it('matches a LIKE prefix with its wildcards taken literally', () => {
    const d = memory()
    d.exec(`INSERT INTO t (id, name, n) VALUES (5, '50% off', 0), (6, '50 percent', 0), (7, 'a_b', 0), (8, 'axb', 0), (9, 'c\\d', 0)`)
    const names = (prefix: string): string[] =>
      all<{ name: string }>(d, sql`SELECT name FROM t WHERE name LIKE ${likePrefix(prefix)} ESCAPE '\\' ORDER BY id`).map((r) => r.name)
    expect(names('50%')).toEqual(['50% off'])
    expect(names('a_')).toEqual(['a_b'])
    expect(names('c\\')).toEqual(['c\\d'])
    expect(names('5')).toEqual(['50% off', '50 percent'])
  })

  it('keeps one statement per text and connection, dropping the least recently used past its bound', () => {
    const d = memory()
    const first = prepared(d, 'SELECT 0')
    const second = prepared(d, 'SELECT 1')
    expect(prepared(d, 'SELECT 0')).toBe(first)
    for (let i = 2; i < 500; i++) prepared(d, `SELECT ${i}`)
    expect(prepared(d, 'SELECT 0')).toBe(first) // used again: SELECT 1 is now the least recent
    prepared(d, 'SELECT 500')
    expect(prepared(d, 'SELECT 0')).toBe(first)
    expect(prepared(d, 'SELECT 1')).not.toBe(second)
  })
})
