// The CLI's entry: turns on V8's code cache before anything else is loaded, then runs the CLI.
import * as nodeModule from 'node:module'

// Compiling the bundle took a third of the time to load it, in each thread (`annalist serve` runs
// four); Node keeps the compiled code on disk (in the temp folder) and checks it against the
// source, so only a first start or one after an update compiles. Node older than 22.1 has no
// cache. The variable passes it on to worker threads and child processes, which do not inherit it.
const cache = nodeModule.enableCompileCache?.()
if (cache?.directory) process.env.NODE_COMPILE_CACHE = cache.directory
await import('./main')
