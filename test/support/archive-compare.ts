import Database from 'better-sqlite3'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** Every row of every real table (FTS shadow tables included), for byte-for-byte comparisons. */
export function allRows(dbFile: string): Record<string, unknown[]> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    const out: Record<string, unknown[]> = { user_version: [db.pragma('user_version', { simple: true })] }
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
      .pluck()
      .all() as string[]
    for (const t of tables) {
      const cols = (db.pragma(`table_info("${t}")`) as { name: string }[]).map((c) => `"${c.name}"`)
      out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY ${cols.join(', ')}`).raw().all()
    }
    out.schema = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').raw().all()
    return out
  } finally {
    db.close()
  }
}

/** Relative path → bytes of every file under `dir`. */
export function filesUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.set(relative(dir, p), readFileSync(p))
    }
  }
  walk(dir)
  return out
}
