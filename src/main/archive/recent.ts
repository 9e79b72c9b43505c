import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { writeFileAtomic } from '../platform/atomic-write'
import { userDataDir } from './location'

/** One remembered archive. */
export interface RecentEntry {
  path: string
  openedAt: string
}

const LIMIT = 12

/** Where the recent-archives list lives: `<userData>/recent-archives.json`. */
export function defaultRecentFile(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return join(userDataDir(env, platform), 'recent-archives.json')
}

/** The list of archives opened before, kept in a small JSON file (missing or broken reads as empty). */
export class RecentArchives {
  constructor(readonly file: string) {}

  /** Remembered archives, most recent first. */
  list(): RecentEntry[] {
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'))
    } catch {
      return []
    }
    if (!Array.isArray(raw)) return []
    return raw
      .filter((e): e is RecentEntry => typeof e?.path === 'string' && typeof e?.openedAt === 'string')
      .slice(0, LIMIT)
  }

  /** Moves `path` to the front of the list (the file replaced atomically). */
  remember(path: string, at = new Date()): void {
    const abs = resolve(path)
    const entries = [{ path: abs, openedAt: at.toISOString() }, ...this.list().filter((e) => e.path !== abs)].slice(0, LIMIT)
    mkdirSync(dirname(this.file), { recursive: true })
    writeFileAtomic(this.file, JSON.stringify(entries, null, 2))
  }

  /** Drops `path` from the list (a removed archive). */
  forget(path: string): void {
    const abs = resolve(path)
    const entries = this.list()
    if (!entries.some((e) => e.path === abs)) return
    mkdirSync(dirname(this.file), { recursive: true })
    writeFileAtomic(this.file, JSON.stringify(entries.filter((e) => e.path !== abs), null, 2))
  }
}
