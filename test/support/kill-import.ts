import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { openArchive } from '../../src/main/archive/archive'
import { checkArchive } from '../../src/main/archive/maintenance/check'
import { runImport } from '../../src/main/import/pipeline'
import { seededRandom } from './archive-seed'
import { killHard, spawnScript, waitForLine } from './child'
import { writeStoryFiles } from './story-files'

/** Where one kill round ended. */
export interface KillRound {
  round: number
  /** What the child had reported when it was killed. */
  killedAt: string
  present: number
  added: number
  ms: number
}

/**
 * SIGKILL's effect on files does not depend on fsync (the page cache outlives the process), so
 * the scratch archives may live on tmpfs, which keeps the many rounds fast.
 */
function scratchBase(): string {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()
  return mkdtempSync(join(base, 'annalist-kill-'))
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * Imports `files` generated stories in a child process, SIGKILLs it `rounds` times at seeded random
 * points (most mid-import, some during start-up and migration), and after each kill requires: a
 * healthy `check`, every stored article complete (all its paragraphs, each findable through the
 * paragraph and article FTS indexes), and a re-run that adds exactly the missing files.
 */
export async function killImportRounds(options: { files: number; rounds: number; seed: number }): Promise<KillRound[]> {
  const { files, rounds, seed } = options
  const random = seededRandom(seed)
  const base = scratchBase()
  const sourceDir = writeStoryFiles(join(base, 'source'), files)
  const results: KillRound[] = []
  try {
    for (let round = 1; round <= rounds; round++) {
      const started = Date.now()
      const archiveDir = join(base, `archive-${round}`)
      const child = spawnScript('import-child.ts', [archiveDir, sourceDir])
      let killedAt: string
      if (random() < 0.1) {
        // Start-up: module loading, the lock, creating and migrating the database.
        const ms = Math.floor(random() * 1000)
        const opened = await Promise.race([sleep(ms).then(() => false), waitForLine(child, /^opened$/).then(
            () => true,
            () => false
          )
        ])
        killedAt = opened ? 'right after the archive opened' : `${ms} ms after spawn`
      } else {
        const k = Math.floor(random() * files)
        await waitForLine(child, k === 0 ? /^opened$/ : new RegExp(`^progress ${k}$`), 120_000)
        const ms = Math.floor(random() * 10)
        await sleep(ms)
        killedAt = `file ${k} + ${ms} ms`
      }
      const finishedFirst = child.exitCode !== null
      await killHard(child)
      expect(finishedFirst, `round ${round}: the child finished before the kill (${killedAt})`).toBe(false)

      let present = 0
      if (existsSync(join(archiveDir, 'archive.sqlite'))) {
        const report = await checkArchive(archiveDir)
        expect(report.problems, `round ${round} (${killedAt})`).toEqual([])
        expect(report.healthy).toBe(true)
        present = report.counts.articles
      }
      const archive = openArchive(archiveDir)
      try {
        expectArticlesComplete(archive.db, round)
        const rerun = await runImport(archive, [{ kind: 'path', path: sourceDir }])
        expect(rerun.failed, `round ${round}`).toEqual([])
        expect(rerun.added.length, `round ${round}: re-run after ${present} present`).toBe(files - present)
        expect(rerun.duplicates.length).toBe(present)
        expect(archive.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(files)
        expectArticlesComplete(archive.db, round)
        results.push({ round, killedAt, present, added: rerun.added.length, ms: Date.now() - started })
      } finally {
        archive.close()
      }
      const after = await checkArchive(archiveDir)
      expect(after.problems, `round ${round} after the re-run`).toEqual([])
      rmSync(archiveDir, { recursive: true, force: true })
    }
  } finally {
    rmSync(base, { recursive: true, force: true })
  }
  return results
}

/**
 * Every article has the paragraphs its story file had (story i has 2 + i % 4), and each is found by
 * the FTS indexes through its unique tokens: "Item i-j" in paragraph j, "Story i" in the title.
 */
function expectArticlesComplete(db: ReturnType<typeof openArchive>['db'], round: number): void {
  const articles = db.prepare<[], { id: number; title: string }>('SELECT id, title FROM articles').all()
  const paragraphs = db.prepare<[number], { id: number; ordinal: number }>('SELECT id, ordinal FROM paragraphs WHERE article_id = ? ORDER BY ordinal')
  const paragraphHit = db.prepare<[string], { rowid: number }>('SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ?')
  const titleHit = db.prepare<[string], { rowid: number }>('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?')
  for (const a of articles) {
    const story = Number(/^Story (\d+):/.exec(a.title)?.[1])
    expect(Number.isInteger(story), `round ${round}: article ${a.id} title ${a.title}`).toBe(true)
    const rows = paragraphs.all(a.id)
    expect(rows.length, `round ${round}: paragraphs of article ${a.id}`).toBe(2 + (story % 4))
    rows.forEach((p, j) => {
      expect(paragraphHit.all(`"item ${story} ${j}"`).map((r) => r.rowid), `round ${round}: FTS of paragraph ${p.id}`).toEqual([p.id])
    })
    expect(titleHit.all(`title : "story ${story}"`).map((r) => r.rowid)).toEqual([a.id])
  }
}
