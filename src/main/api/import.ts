import { randomUUID } from 'node:crypto'
import type { AnnalistApi } from '../../shared/api'
import { AnnalistError } from '../../shared/errors'
import type { ImportReport } from '../../shared/types'
import { runImport, type ImportInput } from '../import/pipeline'
import type { BackendContext } from './context'

/** Runs import batches on the open archive, one cancellable batch per id. */
export interface ImportRunner {
  run(inputs: ImportInput[], batchId: string | undefined): Promise<ImportReport>
  /** Stops the batch between files; false when no batch has that id. */
  cancel(batchId: string): boolean
}

/** The one place batches start: progress goes out as `importProgress` events. */
export function importRunner(ctx: BackendContext): ImportRunner {
  const running = new Map<string, AbortController>()
  return {
    async run(inputs, requested) {
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
    },
    cancel(batchId) {
      const controller = running.get(batchId)
      controller?.abort()
      return controller !== undefined
    }
  }
}

/** Import methods of the contract. */
export function importApi(runner: ImportRunner): Pick<AnnalistApi, 'importFiles' | 'importBlobs' | 'cancelImport'> {
  return {
    async importFiles({ paths, batchId }) {
      return runner.run(paths.map((path) => ({ kind: 'path' as const, path })), batchId)
    },
    async importBlobs({ files, batchId }) {
      return runner.run(files.map((blob) => ({ kind: 'blob' as const, blob })), batchId)
    },
    async cancelImport({ batchId }) {
      return { cancelled: runner.cancel(batchId) }
    }
  }
}
