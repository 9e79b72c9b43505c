import type { AnnalistApi } from '../../shared/api'
import { backupArchive } from '../archive/maintenance/backup'
import { checkArchive } from '../archive/maintenance/check'
import type { BackendContext } from './context'

/**
 * Check and backup of the open archive. Both open their own read-only connection and work on an
 * online snapshot, so they may run on a reader while the writer keeps importing and editing.
 */
export function maintenanceApi(ctx: BackendContext): Pick<AnnalistApi, 'checkArchive' | 'backupArchive'> {
  return {
    async checkArchive() {
      return checkArchive(ctx.archive.dir)
    },
    async backupArchive({ path }) {
      return backupArchive(ctx.archive.dir, path)
    }
  }
}
