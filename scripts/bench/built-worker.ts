import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ImportOptions } from '../../src/main/import/pipeline'
import { resolveWorkerEntry } from '../../src/main/import/worker-pool'

/**
 * Import options for a benchmark's `--built`: the build's parse worker (out/main/import-worker.js,
 * from `npm run build`) for benchmarks that run the writer from source. A worker started through
 * tsx compiles the backend first, about 0.45 s of CPU more than the build's takes to start, which
 * a short run would count as parsing. Without `built`, the workers beside the source.
 */
export function importWorkers(built: boolean): Pick<ImportOptions, 'workerEntry'> {
  if (!built) return {}
  return { workerEntry: resolveWorkerEntry(pathToFileURL(join(import.meta.dirname, '..', '..', 'out', 'main', 'index.js')).href) }
}
