import type { Archive } from '../../src/main/archive/archive'
import { SearchUpkeep } from '../../src/main/host/search-upkeep'
import { runImport, type ImportInput, type ImportOptions } from '../../src/main/import/pipeline'
import type { ImportReport } from '../../src/shared/types'

/**
 * An import as the app's writer runs it: besides the pipeline, the search upkeep the backend
 * schedules on each progress event (host/worker.ts), which folds the imported articles into the
 * vocabulary every few seconds on the same thread and once more right after it. Benchmarks that
 * call `runImport` alone leave that work out of the writer's time.
 */
export async function importAsTheApp(archive: Archive, inputs: ImportInput[], options: ImportOptions = {}): Promise<ImportReport> {
  const upkeep = new SearchUpkeep(() => archive)
  try {
    return await runImport(archive, inputs, {
      ...options,
      onProgress: (p) => {
        options.onProgress?.(p)
        upkeep.importProgressed(p)
      }
    })
  } finally {
    // What the writer drains right after an import (its last files' words) is the import's work.
    upkeep.flush()
  }
}
