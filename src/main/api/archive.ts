import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { AnnalistApi } from '../../shared/api'
import { SCHEMA_VERSION } from '../archive/migrations'
import { APP_VERSION } from '../version'
import type { BackendContext } from './context'

function dirSize(dir: string): number {
  let total = 0
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return 0
  }
  for (const e of entries) {
    const p = join(dir, e.name)
    if (e.isDirectory()) total += dirSize(p)
    else if (e.isFile()) total += statSync(p).size
  }
  return total
}

/** Archive-level methods. */
export function archiveApi(ctx: BackendContext): Pick<AnnalistApi, 'getArchiveInfo'> {
  return {
    async getArchiveInfo() {
      const { db, dir } = ctx.archive
      const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n
      return {
        path: dir,
        schemaVersion: SCHEMA_VERSION,
        appVersion: APP_VERSION,
        articleCount: count('SELECT count(*) AS n FROM articles'),
        eventCount: count('SELECT count(*) AS n FROM events'),
        chronologyCount: count('SELECT count(*) AS n FROM chronologies'),
        fileCount: count('SELECT count(*) AS n FROM files'),
        sizeBytes: dirSize(dir)
      }
    }
  }
}
