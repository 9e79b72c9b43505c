import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { checkArchive } from '../../../src/main/archive/maintenance/check'
import { runImport } from '../../../src/main/import/pipeline'
import { seedArticles, seededRandom, storyText } from '../../support/archive-seed'
import { tempDir } from '../../support/tmp'
import { mkdirSync, writeFileSync } from 'node:fs'

/** Mounts a 3 MB tmpfs if this process may (root with CAP_SYS_ADMIN); null otherwise. */
function mountSmallDisk(): { dir: string; reason: null } | { dir: null; reason: string } {
  if (process.platform !== 'linux') return { dir: null, reason: 'size-limited tmpfs needs Linux' }
  const dir = mkdtempSync(join(tmpdir(), 'annalist-full-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { stdio: 'pipe' })
    return { dir, reason: null }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    return { dir: null, reason: `mount is not permitted here (${(err as Error).message.split('\n')[0]})` }
  }
}

const disk = mountSmallDisk()
afterAll(() => {
  if (!disk.dir) return
  execFileSync('umount', [disk.dir])
  rmSync(disk.dir, { recursive: true, force: true })
})

describe('disk full during import', () => {
  it.skipIf(disk.dir === null)(
    `fails the files that could not be stored with a clear error and keeps the archive intact${disk.reason ? ` (skipped: ${disk.reason})` : ''}`,
    async () => {
      const dir = disk.dir!
      const source = tempDir()
      const random = seededRandom(5)
      // 25 stories of ~30 KB each: more than 3 MB once stored as original, text, index and WAL.
      // The new archive itself takes most of 2 MB, which left room for 0 to 4 of them (0 failed
      // the run); 3 MB takes 10 to 13, and 4 MB all 25.
      for (let i = 0; i < 25; i++) writeFileSync(join(source, `big-${String(i).padStart(2, '0')}.txt`), storyText(i, random, 200))
      const archiveDir = join(dir, 'archive')
      const archive = openArchive(archiveDir)
      let report
      try {
        report = await runImport(archive, [{ kind: 'path', path: source }])
      } finally {
        archive.close()
      }
      console.log(`disk full: ${report.added.length} added, ${report.failed.length} failed: ${report.failed[0]?.message}`)
      expect(report.added.length).toBeGreaterThan(0)
      expect(report.failed.length).toBeGreaterThan(0)
      expect(report.added.length + report.failed.length).toBe(25)
      for (const f of report.failed) {
        expect(f.message).toMatch(/disk full|no space left|disk is full/i)
        expect(f.message).toContain(f.path.split('/').pop()!)
      }

      const check = await checkArchive(archiveDir)
      expect(check.problems).toEqual([])
      expect(check.counts.articles).toBe(report.added.length)

      execFileSync('mount', ['-o', 'remount,size=64m', dir])
      const again = openArchive(archiveDir)
      try {
        const rerun = await runImport(again, [{ kind: 'path', path: source }])
        expect(rerun.failed).toEqual([])
        expect(rerun.added.length).toBe(report.failed.length)
      } finally {
        again.close()
      }
      expect((await checkArchive(archiveDir)).healthy).toBe(true)
    },
    60_000
  )

  it.skipIf(disk.dir === null)('makes check fail with a clear error, not a false finding, when its scratch disk is full', async () => {
    const big = join(tempDir(), 'archive')
    const full = openArchive(big)
    seedArticles(full, 150)
    full.close()
    const scratch = join(disk.dir!, 'scratch')
    mkdirSync(scratch)
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', scratch])
    try {
      await expect(checkArchive(big, { tempDir: scratch })).rejects.toThrow(/that disk is full/)
    } finally {
      execFileSync('umount', [scratch])
    }
  }, 60_000)
})
