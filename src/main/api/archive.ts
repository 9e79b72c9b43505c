import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AnnalistApi } from '../../shared/api'
import type { RecentArchive } from '../../shared/archive'
import { AnnalistError } from '../../shared/errors'
import type { ArchiveInfo } from '../../shared/types'
import { openArchive as openArchiveAt, type Archive } from '../archive/archive'
import { SCHEMA_VERSION } from '../archive/migrations'
import type { RecentArchives } from '../archive/recent'
import { archiveCounts } from '../archive/repo/counts'
import { APP_VERSION } from '../version'
import type { BackendContext } from './context'

/** Counts and size of one open archive, all read from the database (`archiveCounts`). */
export function archiveInfo(archive: Archive): ArchiveInfo {
  const counts = archiveCounts(archive.db)
  return {
    path: archive.dir,
    schemaVersion: SCHEMA_VERSION,
    appVersion: APP_VERSION,
    articleCount: counts.articles,
    eventCount: counts.events,
    chronologyCount: counts.chronologies,
    fileCount: counts.files,
    sizeBytes: counts.sizeBytes
  }
}

/** What archive switching needs from the backend; without it only getArchiveInfo works. */
export interface ArchiveSwitching {
  recent: RecentArchives
  /** Makes `next` the open archive and closes the previous one. */
  switchArchive(next: Archive): void
}

/** Archive-level methods: info, open/switch, recent list. */
export function archiveApi(
  ctx: BackendContext,
  switching?: ArchiveSwitching
): Pick<AnnalistApi, 'getArchiveInfo' | 'openArchive' | 'listRecentArchives'> {
  const need = (): ArchiveSwitching => {
    if (!switching) throw new AnnalistError('internal', 'this backend cannot switch archives')
    return switching
  }
  return {
    async getArchiveInfo() {
      return archiveInfo(ctx.archive)
    },
    async openArchive({ path }) {
      const { recent, switchArchive } = need()
      const target = resolve(path)
      const current = ctx.archive
      if (ctx.activity.imports > 0 && target !== current.dir) {
        throw new AnnalistError('conflict', 'an import is still running in this archive: wait for it or cancel it, then switch')
      }
      recent.remember(current.dir)
      if (target === current.dir) return archiveInfo(current)
      // Opened before the switch: if it fails (locked, too new) the current archive stays open.
      const next = openArchiveAt(target)
      switchArchive(next)
      recent.remember(target)
      const info = archiveInfo(next)
      ctx.emit('archiveChanged', info)
      return info
    },
    async listRecentArchives() {
      const { recent } = need()
      const current = ctx.archive.dir
      const rows: RecentArchive[] = [{ path: current, openedAt: new Date().toISOString(), exists: true, current: true }]
      for (const e of recent.list()) {
        if (e.path === current) {
          rows[0]!.openedAt = e.openedAt
          continue
        }
        rows.push({ path: e.path, openedAt: e.openedAt, exists: existsSync(join(e.path, 'archive.sqlite')), current: false })
      }
      return rows
    }
  }
}
