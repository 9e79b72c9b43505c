// `npm start`: build if anything changed, then launch the Electron app; where Electron cannot
// run (its binary cannot be downloaded, or there is no display), say why in one sentence and
// serve the workbench in the browser instead, so the main job always runs.
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { build } from './build.js'
import { reexecIfTooOld } from './node-runtime.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

await reexecIfTooOld()
// Only what changed since the last build is rebuilt (nothing, usually), so a start takes a moment.
const status = build({ ifStale: true })
if (status !== 0) process.exit(status)

function electronBinary() {
  // Resolving the package triggers Electron's lazy download of its binary; run it in a child so
  // a failed download is a clean "no" rather than a crash of this script.
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
  if (probe.status !== 0 || !probe.stdout) {
    const why = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|network/i.test(probe.stderr ?? '')
      ? 'the Electron binary could not be downloaded (no network or no mirror)'
      : 'the Electron binary is not available'
    return { ok: false, why }
  }
  return { ok: true, path: probe.stdout.trim() }
}

function serve() {
  const child = spawn(process.execPath, [join(root, 'bin', 'annalist.js'), 'serve', ...process.argv.slice(2)], {
    stdio: 'inherit'
  })
  child.on('exit', (code) => process.exit(code ?? 0))
}

const bin = electronBinary()
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
if (!bin.ok) {
  console.log(`Annalist cannot start as a desktop app because ${bin.why}; starting the browser mode instead.`)
  serve()
} else if (headless) {
  console.log('Annalist cannot open a desktop window because no display is available; starting the browser mode instead.')
  serve()
} else {
  const child = spawn(bin.path, [root, ...process.argv.slice(2)], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}
