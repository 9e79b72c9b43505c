/**
 * Wall time of every SQL statement a connection runs, by its text (`bench:million --statements`).
 * A profile of the writer shows the JavaScript that called into SQLite; this shows which
 * statement the time went to inside it, its triggers included, and how it is spread over the
 * calls: a statement slow at its median is slow, one slow only at its tail waited on the machine.
 */
import type { Db } from '../../src/main/archive/db'

interface Calls {
  ms: number
  each: number[]
}

type Method = (...args: unknown[]) => unknown

/** Starts timing the statements of every connection of this process's better-sqlite3; returns the report. */
export function timeStatements(db: Db): { reset: () => void; report: (articles: number, top?: number) => string } {
  const calls = new Map<string, Calls>()
  const add = (source: string, ms: number): void => {
    let c = calls.get(source)
    if (!c) calls.set(source, (c = { ms: 0, each: [] }))
    c.ms += ms
    c.each.push(ms)
  }
  const timed = (source: (this: unknown, ...args: unknown[]) => string, method: Method): Method =>
    function (this: unknown, ...args: unknown[]): unknown {
      const t = performance.now()
      try {
        return method.apply(this, args)
      } finally {
        add(source.apply(this, args), performance.now() - t)
      }
    }
  // Every statement of the module shares one prototype, as every connection shares the database's.
  const statement = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, Method>
  for (const name of ['run', 'get', 'all']) {
    statement[name] = timed(function (this: unknown) {
      return (this as { source: string }).source
    }, statement[name]!)
  }
  const database = Object.getPrototypeOf(db) as Record<string, Method>
  database['exec'] = timed((sql) => `exec: ${String(sql)}`, database['exec']!)
  return {
    reset: () => calls.clear(),
    report(articles, top = 25) {
      const rows = [...calls].sort((a, b) => b[1].ms - a[1].ms)
      const total = rows.reduce((s, [, c]) => s + c.ms, 0)
      const lines = [`statements: ${(total / articles).toFixed(2)} ms an article in all; the ${top} costliest (ms an article, calls, µs a call at the median and the 99th percentile):`]
      for (const [source, c] of rows.slice(0, top)) {
        const each = c.each.sort((a, b) => a - b)
        const at = (q: number): string => (each[Math.floor(q * (each.length - 1))]! * 1000).toFixed(0)
        lines.push(
          `${(c.ms / articles).toFixed(3).padStart(8)} ${String(each.length).padStart(8)} ${at(0.5).padStart(7)} ${at(0.99).padStart(8)}  ${source.replace(/\s+/g, ' ').slice(0, 120)}`
        )
      }
      return lines.join('\n')
    }
  }
}
