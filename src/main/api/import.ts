import type { AnnalistApi } from '../../shared/api'
import { runImport } from '../import/pipeline'
import type { BackendContext } from './context'

/** Import methods; progress goes out as `importProgress` events. */
export function importApi(ctx: BackendContext): Pick<AnnalistApi, 'importFiles' | 'importBlobs'> {
  const onProgress = (p: Parameters<BackendContext['emit']>[1]): void => ctx.emit('importProgress', p)
  return {
    async importFiles({ paths }) {
      return runImport(ctx.archive, paths.map((path) => ({ kind: 'path' as const, path })), { onProgress })
    },
    async importBlobs({ files }) {
      return runImport(ctx.archive, files.map((blob) => ({ kind: 'blob' as const, blob })), { onProgress })
    }
  }
}
