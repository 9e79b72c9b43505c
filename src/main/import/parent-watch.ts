import { Worker } from 'node:worker_threads'

/** How often the watch asks whether the importer is still there. */
const WATCH_MS = 1_000

/**
 * Ends this parse worker's process when the importer that started it is gone, even while its
 * main thread is stuck in a parser that never returns. The worker's own 'disconnect' handler
 * needs an event loop that turns: after a test run was killed during a parse that spun, its
 * worker went on using 80 % of a core for 54 minutes, and so would one left by a crashed or
 * force-quit app. A thread of its own (11-14 MB more per worker) looks every WATCH_MS: the
 * importer is gone when this process was handed to another parent (Linux, macOS) or the
 * importer's pid answers no more (Windows keeps the parent id). It then kills the whole process;
 * a thread's `process.exit` would end only the thread.
 */
export function exitWithParent(): void {
  const watch = new Worker(
    `const { workerData: parent } = require('node:worker_threads')
    setInterval(() => {
      let alive = true
      try { process.kill(parent, 0) } catch (err) { alive = err.code === 'EPERM' }
      if (process.ppid !== parent || !alive) process.kill(process.pid, 'SIGKILL')
    }, ${WATCH_MS})`,
    { eval: true, workerData: process.ppid, resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 } }
  )
  // Never what keeps the worker alive.
  watch.unref()
}
