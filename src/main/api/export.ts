import type { AnnalistApi } from '../../shared/api'
import { exportFromArchive } from '../export/load'
import type { BackendContext } from './context'

/** Export of a chronology (or the whole archive) to Markdown, CSV, JSON, TimelineJS or CSL-JSON. */
export function exportApi(ctx: BackendContext): Pick<AnnalistApi, 'exportChronology'> {
  return {
    async exportChronology({ format, options }) {
      return exportFromArchive(ctx.archive.db, format, options ?? {})
    }
  }
}
