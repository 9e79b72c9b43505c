#!/usr/bin/env node
// The CLI runs from the build (out/main/cli.js), made by `npm install` (prepare) or `npm run build`.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { reexecIfTooOld } from '../scripts/node-runtime.js'

// On a Node older than 22.14 this runs itself again on the project's own Node (fetched once).
await reexecIfTooOld()
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('annalist: the app is not built yet; run `npm run build` in the project folder.\n')
  process.exit(1)
}
await import(pathToFileURL(cli).href)
