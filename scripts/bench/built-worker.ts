import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { resolveWorkerEntry, type WorkerEntry } from '../../src/main/import/worker-pool'

/**
 * The build's parse worker (out/main/import-worker.js, from `npm run build`), for benchmarks that
 * run the writer from source: a worker started through tsx compiles the backend first, about
 * 0.45 s of CPU more than the build's takes to start, which a short run would count as parsing.
 */
export function builtImportWorker(): WorkerEntry {
  return resolveWorkerEntry(pathToFileURL(join(import.meta.dirname, '..', '..', 'out', 'main', 'index.js')).href)
}
