/**
 * Where an archive's bytes go: pages per table and index from SQLite's `dbstat`, FTS5 shadow
 * tables folded into their index, against the bytes of clean text the archive holds.
 */
import type { Db } from '../../src/main/archive/db'

export interface SizeReport {
  cleanTextBytes: number
  totalBytes: number
  /** Bytes per table or index, largest first. */
  objects: { name: string; bytes: number }[]
}

const FTS_SHADOW = /^(.*)_(data|idx|docsize|config|content)$/

export function sizeReport(db: Db): SizeReport {
  const fts = new Set(
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5(%'")
      .pluck()
      .all() as string[]
  )
  const bytes = new Map<string, number>()
  for (const row of db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[]) {
    const shadow = FTS_SHADOW.exec(row.name)
    const name = shadow && fts.has(shadow[1]!) ? `${shadow[1]} (FTS5)` : row.name
    bytes.set(name, (bytes.get(name) ?? 0) + row.bytes)
  }
  const objects = [...bytes].map(([name, b]) => ({ name, bytes: b })).sort((a, b) => b.bytes - a.bytes)
  return {
    cleanTextBytes: db.prepare('SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM articles').pluck().get() as number,
    totalBytes: objects.reduce((s, o) => s + o.bytes, 0),
    objects
  }
}

export function formatSizeReport(r: SizeReport): string {
  const mb = (b: number): string => (b / 1e6).toFixed(1).padStart(8)
  const ratio = (b: number): string => (b / Math.max(1, r.cleanTextBytes)).toFixed(2).padStart(6)
  return [
    `clean text ${mb(r.cleanTextBytes)} MB; database ${mb(r.totalBytes)} MB = ${ratio(r.totalBytes).trim()}× clean text`,
    ...r.objects.filter((o) => o.bytes >= r.totalBytes / 1000).map((o) => `  ${o.name.padEnd(40)} ${mb(o.bytes)} MB ${ratio(o.bytes)}×`)
  ].join('\n')
}
