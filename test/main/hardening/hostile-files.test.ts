import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkArchive } from '../../../src/main/archive/maintenance/check'
import { runImport } from '../../../src/main/import/pipeline'
import { writeHostileFiles } from '../../support/hostile-files'
import { tempArchive, tempDir } from '../../support/tmp'

describe('hostile and broken files', () => {
  it('each gets a coded error or imports cleanly, the batch continues, the archive stays healthy', async () => {
    const archive = tempArchive()
    const dir = join(tempDir(), 'drop')
    const cases = writeHostileFiles(dir)
    const report = await runImport(archive, [{ kind: 'path', path: dir }])
    const outcome = new Map<string, string>()
    for (const a of report.added) outcome.set(basename(a.path), 'added')
    for (const f of report.failed) outcome.set(basename(f.path), f.code)
    for (const d of report.duplicates) outcome.set(basename(d.path), 'duplicate')
    for (const s of report.skipped) outcome.set(basename(s.path), 'skipped')
    const wrong = cases
      .filter((c) => !c.expect.includes(outcome.get(c.file) ?? 'missing'))
      .map((c) => `${c.file}: got ${outcome.get(c.file) ?? 'nothing'}, expected ${c.expect.join(' or ')}`)
    expect(wrong).toEqual([])
    for (const f of report.failed) {
      expect(f.message.length).toBeGreaterThan(10)
    }
    expect(report.skipped.some((s) => /loop|visited/.test(s.reason))).toBe(true)
    const health = await checkArchive(archive.dir)
    expect(health.problems).toEqual([])
    expect(health.healthy).toBe(true)
  }, 180_000)
})
