import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** Where a worker's entry file is and the Node options it starts with. */
export interface WorkerEntry {
  file: string
  execArgv: string[]
}

/**
 * Finds the entry of a worker (a child process or a thread) started by file path. `moduleUrl`
 * is the starting module's own URL. From source (vitest, tsx scripts) that module is a .ts file
 * and the worker is `source`, beside it, run through tsx; from the build the worker is `built`,
 * an entry of its own in out/main, next to the code or one folder up when the code sits in a chunk.
 */
export function resolveEntry(moduleUrl: string, source: string, built: string, what: string): WorkerEntry {
  const here = fileURLToPath(moduleUrl)
  if (here.endsWith('.ts')) {
    // Resolved from here, not from the working directory, which may be anywhere.
    const tsx = pathToFileURL(createRequire(moduleUrl).resolve('tsx')).href
    return { file: join(dirname(here), source), execArgv: ['--import', tsx] }
  }
  for (const candidate of [join(dirname(here), built), join(dirname(here), '..', built)]) {
    if (existsSync(candidate)) return { file: candidate, execArgv: [] }
  }
  throw new Error(`${what} not found next to ${here}; rebuild with \`npm run build\``)
}
