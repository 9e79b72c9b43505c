import type { AnnalistApi } from '../../shared/api'
import { backupArchive } from '../archive/maintenance/backup'
import { checkArchive } from '../archive/maintenance/check'
import type { BackendContext } from './context'

/** Check and backup of the open archive; both read it through their own snapshot, so writes may go on. */
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
