import { randomUUID } from 'node:crypto'
import type { AnnalistApi } from '../../shared/api'
import { AnnalistError } from '../../shared/errors'
import type { ImportReport } from '../../shared/types'
import { runImport, type ImportInput } from '../import/pipeline'
import type { BackendContext } from './context'

/** Import methods; progress goes out as `importProgress` events, running batches can be cancelled. */
export function importApi(ctx: BackendContext): Pick<AnnalistApi, 'importFiles' | 'importBlobs' | 'cancelImport'> {
  const running = new Map<string, AbortController>()
  const start = async (inputs: ImportInput[], requested: string | undefined): Promise<ImportReport> => {
    const batchId = requested ?? randomUUID()
    if (running.has(batchId)) throw new AnnalistError('invalid-argument', `import batch ${batchId} is already running`)
    const controller = new AbortController()
    running.set(batchId, controller)
    ctx.activity.imports++
    try {
      return await runImport(ctx.archive, inputs, {
        batchId,
        signal: controller.signal,
        onProgress: (p) => ctx.emit('importProgress', p)
      })
    } finally {
      ctx.activity.imports--
      running.delete(batchId)
    }
  }
  return {
    async importFiles({ paths, batchId }) {
      return start(paths.map((path) => ({ kind: 'path' as const, path })), batchId)
    },
    async importBlobs({ files, batchId }) {
      return start(files.map((blob) => ({ kind: 'blob' as const, blob })), batchId)
    },
    async cancelImport({ batchId }) {
      const controller = running.get(batchId)
      controller?.abort()
      return { cancelled: controller !== undefined }
    }
  }
}
