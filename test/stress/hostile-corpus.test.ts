import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkArchive } from '../../src/main/archive/maintenance/check'
import { treeMemoryKb } from '../../src/main/import/process-usage'
import { exitCode } from '../support/child'
import { writeHostileCorpus } from '../support/hostile-corpus'

const ROOT = join(__dirname, '../..')
const TINY = 20_000
// The import (CLI and parse workers, PSS) stays under this. The target is 800 MB for a mixed
// hostile batch; the ceiling sits 1.5x above what a loaded machine measured (see docs/SECURITY.md),
// so CI does not fail on load.
const LIMIT_MB = 900

interface Report {
  added: { path: string }[]
  duplicates: { path: string }[]
  failed: { path: string; code: string; message: string }[]
  skipped: { path: string; reason: string }[]
}

describe('the hostile corpus and 20,000 tiny files in one import', () => {
  it.skipIf(process.platform !== 'linux')('accounts for every file, never hangs, stays within memory, and leaves a healthy archive', async () => {
    if (!existsSync(join(ROOT, 'out/main/cli.js'))) throw new Error('out/main is missing: run `npm run build` first (the product is measured as shipped)')
    const base = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'annalist-hostile-'))
    try {
      const entries = writeHostileCorpus(base, TINY)
      const archiveDir = join(base, 'archive')
      const started = Date.now()
      const child = spawn(process.execPath, [join(ROOT, 'bin/annalist.js'), 'import', join(base, 'hostile'), join(base, 'tiny'), '--json', '--archive', archiveDir], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_OPTIONS: '' }
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      let peakKb = 0
      const sampler = setInterval(() => (peakKb = Math.max(peakKb, treeMemoryKb(child.pid!).pssKb)), 100)
      let code: number | null
      try {
        code = await exitCode(child)
      } finally {
        clearInterval(sampler)
      }
      expect(code, stderr).toBe(0)
      const report = JSON.parse(stdout) as Report
      const named = new Map<string, string>()
      for (const a of report.added) named.set(a.path, 'added')
      for (const d of report.duplicates) named.set(d.path, 'duplicate')
      for (const f of report.failed) named.set(f.path, `failed ${f.code}`)
      for (const s of report.skipped) named.set(s.path, `skipped: ${s.reason}`)
      const missing = entries.filter((e) => !named.has(e.path)).map((e) => `${e.kind}: ${e.path}`)
      expect(missing).toEqual([])
      for (const f of report.failed) expect(f.message.length, f.path).toBeGreaterThan(10)
      const tinyAdded = report.added.filter((a) => a.path.startsWith(join(base, 'tiny'))).length
      const peakMb = peakKb / 1024
      const outcomes = new Map<string, number>()
      for (const v of named.values()) {
        const key = v.startsWith('skipped') ? 'skipped' : v
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
      }
      console.log(
        `${entries.length} paths (${TINY} tiny) in ${((Date.now() - started) / 1000).toFixed(1)} s; peak ${peakMb.toFixed(0)} MB PSS (CLI and workers); ` +
          JSON.stringify(Object.fromEntries(outcomes))
      )
      expect(tinyAdded).toBe(TINY)
      expect(peakMb).toBeGreaterThan(0)
      expect(peakMb).toBeLessThan(LIMIT_MB)
      const health = await checkArchive(archiveDir)
      expect(health.problems).toEqual([])
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  }, 1_800_000)
})
