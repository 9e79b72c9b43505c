import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { treeMemoryKb } from '../../src/main/platform/proc'
import { exitCode } from './child'

const ROOT = join(import.meta.dirname, '..', '..')

export interface BuiltImport {
  code: number | null
  stdout: string
  stderr: string
  seconds: number
  /** Peak memory of the CLI and its parse workers: PSS summed (physical), RSS summed (shared pages counted per process). */
  peakPssMb: number
  peakRssMb: number
}

/**
 * Runs `annalist import … --json` from the build, as shipped (the same pipeline and workers as
 * the app, without tsx's loader in every process), sampling the memory of the whole process
 * tree every 100 ms.
 */
export async function importWithBuiltCli(paths: string[], archiveDir: string): Promise<BuiltImport> {
  if (!existsSync(join(ROOT, 'out/main/cli.js'))) throw new Error('out/main is missing: run `npm run build` first (the product is measured as shipped)')
  const started = Date.now()
  const child = spawn(process.execPath, [join(ROOT, 'bin/annalist.js'), 'import', ...paths, '--json', '--archive', archiveDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  let pssKb = 0
  let rssKb = 0
  const sampler = setInterval(() => {
    const m = treeMemoryKb(child.pid!)
    pssKb = Math.max(pssKb, m.pssKb)
    rssKb = Math.max(rssKb, m.rssKb)
  }, 100)
  try {
    const code = await exitCode(child)
    return { code, stdout, stderr, seconds: (Date.now() - started) / 1000, peakPssMb: pssKb / 1024, peakRssMb: rssKb / 1024 }
  } finally {
    clearInterval(sampler)
  }
}
