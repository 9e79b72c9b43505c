#!/usr/bin/env node
// The CLI runs from the build (out/main/cli.js), made by `npm install` (prepare) or `npm run build`.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 14)) {
  process.stderr.write(`annalist: Node ${process.versions.node} is too old; Annalist needs Node 22.14 or newer (24 recommended).\n`)
  process.exit(1)
}
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('annalist: the app is not built yet; run `npm run build` in the project folder.\n')
  process.exit(1)
}
await import(pathToFileURL(cli).href)
