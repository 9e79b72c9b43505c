// Builds the app into out/ with electron-vite, on the project's Node. With --if-stale it builds
// only when a source, config or dependency changed since the last build (a stamp of their sizes
// and modification times is kept in out/), so `npm start` on a built tree starts at once.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { projectEnv } from './node-runtime.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const STAMP = join(root, 'out', '.build-stamp')
// What the build reads: the sources and resources, the build configuration, the installed dependencies.
const INPUTS = ['src', 'resources', 'electron.vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.node.json', 'tsconfig.web.json', 'node_modules/.package-lock.json']
const OUTPUTS = ['out/main/index.js', 'out/main/cli.js', 'out/main/import-worker.js', 'out/main/backend-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html']

function* files(path) {
  if (!existsSync(path)) return
  const stat = statSync(path)
  if (!stat.isDirectory()) {
    yield [relative(root, path), stat.size, stat.mtimeMs]
    return
  }
  for (const name of readdirSync(path).sort()) yield* files(join(path, name))
}

export function sourceStamp() {
  const hash = createHash('sha256')
  for (const input of INPUTS) for (const entry of files(join(root, input))) hash.update(`${entry.join('\t')}\n`)
  return hash.digest('hex')
}

export function buildIsCurrent() {
  if (!OUTPUTS.every((p) => existsSync(join(root, p)))) return false
  try {
    return readFileSync(STAMP, 'utf8') === sourceStamp()
  } catch {
    return false
  }
}

/** Builds (or, with ifStale, checks and maybe skips); returns the build's exit status. */
export function build({ ifStale = false } = {}) {
  if (ifStale && buildIsCurrent()) return 0
  const stamp = sourceStamp()
  const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit', env: projectEnv() })
  if (r.status === 0) writeFileSync(STAMP, stamp)
  return r.status ?? 1
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(build({ ifStale: process.argv.includes('--if-stale') }))
}
