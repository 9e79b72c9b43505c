import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkArchive } from '../../src/main/archive/maintenance/check'
import { importWithBuiltCli } from '../support/built-import'
import { writeHostileCorpus } from '../support/hostile-corpus'

const TINY = 20_000
// The import (CLI and parse workers, PSS) stays under this. The target is 900 MB for a mixed
// hostile batch (measured: 839–863 MB over three runs with entity extraction on); the ceiling sits
// 1.4x above the highest (see docs/SECURITY.md), so load does not fail CI while a real regression
// still does: before its two fixes, entity extraction took CI runs to 1,183 and 1,256 MB.
const LIMIT_MB = 1200

interface Report {
  added: { path: string }[]
  duplicates: { path: string }[]
  failed: { path: string; code: string; message: string }[]
  skipped: { path: string; reason: string }[]
}

describe('the hostile corpus and 20,000 tiny files in one import', () => {
  it.skipIf(process.platform !== 'linux')('accounts for every file, never hangs, stays within memory, and leaves a healthy archive', async () => {
    const base = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'annalist-hostile-'))
    try {
      const entries = writeHostileCorpus(base, TINY)
      const run = await importWithBuiltCli([join(base, 'hostile'), join(base, 'tiny')], join(base, 'archive'))
      expect(run.code, run.stderr).toBe(0)
      const report = JSON.parse(run.stdout) as Report
      const named = new Map<string, string>()
      for (const a of report.added) named.set(a.path, 'added')
      for (const d of report.duplicates) named.set(d.path, 'duplicate')
      for (const f of report.failed) named.set(f.path, `failed ${f.code}`)
      for (const s of report.skipped) named.set(s.path, `skipped: ${s.reason}`)
      const missing = entries.filter((e) => !named.has(e.path)).map((e) => `${e.kind}: ${e.path}`)
      expect(missing).toEqual([])
      for (const f of report.failed) expect(f.message.length, f.path).toBeGreaterThan(10)
      const tinyAdded = report.added.filter((a) => a.path.startsWith(join(base, 'tiny'))).length
      const peakMb = run.peakPssMb
      const outcomes = new Map<string, number>()
      for (const v of named.values()) {
        const key = v.startsWith('skipped') ? 'skipped' : v
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
      }
      console.log(
        `${entries.length} paths (${TINY} tiny) in ${run.seconds.toFixed(1)} s; peak ${peakMb.toFixed(0)} MB PSS (CLI and workers); ` +
          JSON.stringify(Object.fromEntries(outcomes))
      )
      expect(tinyAdded).toBe(TINY)
      expect(peakMb).toBeGreaterThan(0)
      expect(peakMb).toBeLessThan(LIMIT_MB)
      const health = await checkArchive(join(base, 'archive'))
      expect(health.problems).toEqual([])
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  }, 1_800_000)
})
