/**
 * `annalist serve` as a user runs it: the built CLI in its own process, with its own config
 * folder (XDG_CONFIG_HOME), so journeys see the real first run, the remembered port and token,
 * and a real stop and start of the server.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from './support'

export interface ServeProcess {
  /** The URL it told the user to open (with #token=…). */
  openUrl: string
  /** Everything it printed on stdout. */
  stdout(): string
  stop(): Promise<void>
}

/** Starts `annalist serve --archive <archiveDir> …args` with `configHome` as the config folder; resolves once it prints its URL. */
export function startServe(archiveDir: string, configHome: string, args: string[] = []): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/annalist.js'), 'serve', '--archive', archiveDir, ...args], {
    env: { ...process.env, XDG_CONFIG_HOME: configHome, ANNALIST_ARCHIVE: '' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  let err = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`annalist serve printed no URL in 60 s:\n${out}\n${err}`)), 60_000)
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const url = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out)
      if (!url) return
      clearTimeout(timer)
      resolve({
        openUrl: url[1]!,
        stdout: () => out,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM')
          await exited
        }
      })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`annalist serve exited (${code}) before printing its URL:\n${out}\n${err}`))
    })
  })
}
