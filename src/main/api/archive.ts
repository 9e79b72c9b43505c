import { existsSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AnnalistApi } from '../../shared/api'
import type { RecentArchive } from '../../shared/archive'
import { AnnalistError } from '../../shared/errors'
import type { ArchiveInfo } from '../../shared/types'
import { openArchive as openArchiveAt, type Archive } from '../archive/archive'
import { SCHEMA_VERSION } from '../archive/migrations'
import type { RecentArchives } from '../archive/recent'
import { archiveCounts } from '../archive/repo/counts'
import { staleEntityCount } from '../archive/repo/entity-rules'
import { archiveId, isSampleArchive } from '../archive/repo/identity'
import { APP_VERSION } from '../version'
import type { BackendContext } from './context'

/** Counts and size of one open archive, all read from the database (`archiveCounts`). */
export function archiveInfo(archive: Archive): ArchiveInfo {
  const counts = archiveCounts(archive.db)
  return {
    path: archive.dir,
    id: archiveId(archive.db),
    sample: isSampleArchive(archive.db),
    schemaVersion: SCHEMA_VERSION,
    appVersion: APP_VERSION,
    articleCount: counts.articles,
    eventCount: counts.events,
    chronologyCount: counts.chronologies,
    fileCount: counts.files,
    sizeBytes: counts.sizeBytes,
    staleEntityArticles: staleEntityCount(archive.db)
  }
}

/** What archive switching needs from the backend; without it only getArchiveInfo works. */
export interface ArchiveSwitching {
  recent: RecentArchives
  /** Makes `next` the open archive and closes the previous one. */
  switchArchive(next: Archive): void
  /** The archive the app was started with: where removing an open sample archive goes back to. */
  homeDir: string
  /** The separate sample archive's folder, when the app has one (see firstrun.ts). */
  sampleDir?: string
}

/** Archive-level methods: info, open/switch, recent list. */
export function archiveApi(
  ctx: BackendContext,
  switching?: ArchiveSwitching
): Pick<AnnalistApi, 'getArchiveInfo' | 'openArchive' | 'listRecentArchives' | 'removeSampleArchive'> {
  const need = (): ArchiveSwitching => {
    if (!switching) throw new AnnalistError('internal', 'this backend cannot switch archives')
    return switching
  }
  return {
    async getArchiveInfo() {
      return archiveInfo(ctx.archive)
    },
    async openArchive({ path }) {
      return switchTo(need(), path)
    },
    async listRecentArchives() {
      const { recent, sampleDir } = need()
      const current = ctx.archive.dir
      const sample = sampleDir === undefined ? null : resolve(sampleDir)
      const rows: RecentArchive[] = [{ path: current, openedAt: new Date().toISOString(), exists: true, current: true, sample: current === sample }]
      for (const e of recent.list()) {
        if (e.path === current) {
          rows[0]!.openedAt = e.openedAt
          continue
        }
        rows.push({ path: e.path, openedAt: e.openedAt, exists: existsSync(join(e.path, 'archive.sqlite')), current: false, sample: e.path === sample })
      }
      // The sample archive is always one click away while it exists, opened before or not.
      if (sample && !rows.some((r) => r.path === sample) && existsSync(join(sample, 'archive.sqlite'))) {
        rows.push({ path: sample, openedAt: '', exists: true, current: false, sample: true })
      }
      return rows
    },
    async removeSampleArchive() {
      const switching = need()
      const { recent, sampleDir, homeDir } = switching
      if (sampleDir === undefined) throw new AnnalistError('not-found', 'this app was started without a sample archive')
      const dir = resolve(sampleDir)
      if (!existsSync(join(dir, 'archive.sqlite'))) throw new AnnalistError('not-found', `there is no sample archive at ${dir}: it was removed already`)
      if (dir === resolve(homeDir)) {
        throw new AnnalistError('conflict', `${dir} is the archive Annalist was started with, not a separate sample: it is not removed`)
      }
      const notSample = new AnnalistError('conflict', `${dir} does not carry the sample archive's mark (it may hold your own work): it is not removed`)
      let info: ArchiveInfo
      if (ctx.archive.dir === dir) {
        if (!isSampleArchive(ctx.archive.db)) throw notSample
        info = switchTo(switching, homeDir)
      } else {
        // Opened for writing to take its lock: a sample archive open in another Annalist stays.
        const probe = openArchiveAt(dir)
        try {
          if (!isSampleArchive(probe.db)) throw notSample
        } finally {
          probe.close()
        }
        info = archiveInfo(ctx.archive)
      }
      rmSync(dir, { recursive: true, force: true })
      recent.forget(dir)
      return info
    }
  }

  function switchTo({ recent, switchArchive }: ArchiveSwitching, path: string): ArchiveInfo {
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
  }
}
