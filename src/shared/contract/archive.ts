/** Contract rows of the archive itself: which one is open, switching, checking and backing it up. */
import * as z from 'zod/mini'
import type { BackupResult, CheckReport, RecentArchive } from '../archive'
import type { ArchiveInfo } from '../types'
import { method, returns } from './method'
import { none, path } from './schemas'

export const archiveMethods = {
  /** Counts and size of the open archive, all read from its database. */
  getArchiveInfo: method({ args: none, result: returns<ArchiveInfo>(), access: 'read' }),
  /** Opens (creating if needed) the archive folder at `path` and makes it the current one. */
  openArchive: method({ args: z.strictObject({ path }), result: returns<ArchiveInfo>(), access: 'write', paths: ['path'] }),
  /** The current archive first, then archives opened before, most recent first. */
  listRecentArchives: method({ args: none, result: returns<RecentArchive[]>(), access: 'read' }),
  /**
   * Deletes the separate sample archive first run created (switching back to the archive the app
   * started with when the sample is open). It takes no path: the sample's folder is fixed by the
   * backend and must carry the sample mark, so this can never remove the user's own archive.
   */
  removeSampleArchive: method({ args: none, result: returns<ArchiveInfo>(), access: 'write' }),
  /**
   * Verifies the open archive without changing it: database integrity, full-text index, text
   * hashes, citations and originals, on a snapshot so writes meanwhile are no false alarm.
   */
  checkArchive: method({ args: none, result: returns<CheckReport>(), access: 'read', long: true }),
  /**
   * Writes the open archive (a consistent database snapshot and every original) into one new tar
   * file at `path`; refused when the file exists. The app may keep writing meanwhile.
   */
  backupArchive: method({ args: z.strictObject({ path }), result: returns<BackupResult>(), access: 'read', long: true, paths: ['path'] })
}
