// The CLI's entry: turns on V8's code cache before anything else is loaded, then runs the CLI.
import * as nodeModule from 'node:module'

// Compiling the bundle took a third of the time to load it, in each thread (`annalist serve` runs
// four); Node keeps the compiled code on disk (in the temp folder) and checks it against the
// source, so only a first start or one after an update compiles. Node older than 22.1 has no
// cache. The variable passes it on to worker threads and child processes, which do not inherit it.
const cache = nodeModule.enableCompileCache?.()
if (cache?.directory) process.env.NODE_COMPILE_CACHE = cache.directory
// `annalist serve` runs its backend in worker threads, each of which loads the backend (100-150
// ms) before it can be told what to open: they start now, while this thread loads the rest of the
// CLI (50-85 ms), and the host takes them (host/thread.ts).
if (process.argv[2] === 'serve') (await import('../host/thread')).prestartBackend()
await import('./main')
