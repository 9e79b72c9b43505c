import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { openArchive } from '../../src/main/archive/archive'
import { checkArchive } from '../../src/main/archive/maintenance/check'
import { runImport } from '../../src/main/import/pipeline'
import { seededRandom } from './archive-seed'
import type { ChildProcess } from 'node:child_process'
import { killHard, spawnScript, waitForLine } from './child'
import { writeStoryFiles } from './story-files'

/** Where one kill round ended. */
export interface KillRound {
  round: number
  /** What the child had reported when it was killed. */
  killedAt: string
  /** Articles in the archive after the kill. */
  present: number
  /** Articles the in-process re-run added (fresh mode, and the final cumulative re-run). */
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

/** Kills the child at a seeded random point: mostly after file `from`..`to` (1-based), some in start-up. */
async function killAtRandomPoint(child: ChildProcess, random: () => number, from: number, to: number): Promise<string> {
  if (random() < 0.1) {
    // Start-up: module loading, the lock, creating and migrating the database.
    const ms = Math.floor(random() * 1000)
    const opened = await Promise.race([
      sleep(ms).then(() => false),
      waitForLine(child, /^opened$/).then(
        () => true,
        () => false
      )
    ])
    await killHard(child)
    return opened ? 'right after the archive opened' : `${ms} ms after spawn`
  }
  const k = from + Math.floor(random() * (to - from + 1))
  // At least k files done (progress may be throttled and skip numbers).
  await waitForLine(child, (line) => Number(/^progress (\d+)$/.exec(line)?.[1] ?? -1) >= k, 300_000)
  const ms = Math.floor(random() * 10)
  await sleep(ms)
  const finishedFirst = child.exitCode !== null
  await killHard(child)
  expect(finishedFirst, `the child finished before the kill (file ${k} + ${ms} ms)`).toBe(false)
  return `file ${k} + ${ms} ms`
}

/** check is clean, and the stored stories are exactly stories 0..n-1 (files commit in input order). */
async function expectHealthyPrefix(archiveDir: string, round: number): Promise<number> {
  if (!existsSync(join(archiveDir, 'archive.sqlite'))) return 0
  const report = await checkArchive(archiveDir)
  expect(report.problems, `round ${round}`).toEqual([])
  if (report.schemaVersion === 0) return 0
  const archive = openArchive(archiveDir, { readonly: true })
  try {
    const stories = expectArticlesComplete(archive.db, round)
    expect(stories, `round ${round}: stored stories are not a prefix of the batch`).toEqual(stories.map((_, i) => i))
    const files = archive.db.prepare('SELECT count(*) FROM files').pluck().get()
    expect(files, `round ${round}: file rows vs articles`).toBe(stories.length)
    return stories.length
  } finally {
    archive.close()
  }
}

/** Re-runs the import in this process and requires it to add exactly the files not yet present. */
async function expectRerunAddsMissing(archiveDir: string, sourceDir: string, files: number, present: number, round: number): Promise<number> {
  const archive = openArchive(archiveDir)
  try {
    const rerun = await runImport(archive, [{ kind: 'path', path: sourceDir }])
    expect(rerun.failed, `round ${round}`).toEqual([])
    expect(rerun.added.length, `round ${round}: re-run after ${present} present`).toBe(files - present)
    expect(rerun.duplicates.length).toBe(present)
    expectArticlesComplete(archive.db, round)
    return rerun.added.length
  } finally {
    archive.close()
  }
}

/**
 * Imports `files` generated stories in a child process and SIGKILLs it `rounds` times at seeded
 * random points (most mid-import, some during start-up and migration). After each kill: `check` is
 * clean, every stored article is complete (all its paragraphs, each found through the paragraph
 * and article FTS indexes) and the stored files are exactly a prefix of the batch.
 *
 * `fresh`: every round starts a new archive and ends with an in-process re-run that must add
 * exactly the missing files. `cumulative`: every round's child resumes the previous round's
 * archive (each child is itself a re-run, and a duplicate it added would break the prefix check);
 * one final re-run must add exactly the rest. Cumulative costs one import instead of one per round.
 */
export async function killImportRounds(options: {
  files: number
  rounds: number
  seed: number
  mode: 'fresh' | 'cumulative'
}): Promise<KillRound[]> {
  const { files, rounds, seed, mode } = options
  const random = seededRandom(seed)
  const base = scratchBase()
  const sourceDir = writeStoryFiles(join(base, 'source'), files)
  const results: KillRound[] = []
  let present = 0
  try {
    for (let round = 1; round <= rounds; round++) {
      const started = Date.now()
      const archiveDir = join(base, mode === 'fresh' ? `archive-${round}` : 'archive')
      const child = spawnScript('import-child.ts', [archiveDir, sourceDir])
      const from = mode === 'fresh' ? 1 : present + 1
      const span = mode === 'fresh' ? files - 1 : Math.max(1, Math.floor((2 * (files - present)) / (rounds - round + 2)))
      const killedAt = await killAtRandomPoint(child, random, Math.min(from, files - 1), Math.min(from + span - 1, files - 1))
      present = await expectHealthyPrefix(archiveDir, round)
      let added = 0
      if (mode === 'fresh') {
        added = await expectRerunAddsMissing(archiveDir, sourceDir, files, present, round)
        expect((await checkArchive(archiveDir)).problems, `round ${round} after the re-run`).toEqual([])
        rmSync(archiveDir, { recursive: true, force: true })
      }
      results.push({ round, killedAt, present, added, ms: Date.now() - started })
    }
    if (mode === 'cumulative') {
      const archiveDir = join(base, 'archive')
      const added = await expectRerunAddsMissing(archiveDir, sourceDir, files, present, rounds + 1)
      expect((await checkArchive(archiveDir)).problems).toEqual([])
      results.push({ round: rounds + 1, killedAt: 'final re-run, not killed', present, added, ms: 0 })
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
function expectArticlesComplete(db: ReturnType<typeof openArchive>['db'], round: number): number[] {
  const stories: number[] = []
  const articles = db.prepare<[], { id: number; title: string }>('SELECT id, title FROM articles').all()
  const paragraphs = db.prepare<[number], { id: number; ordinal: number }>('SELECT id, ordinal FROM paragraphs WHERE article_id = ? ORDER BY ordinal')
  const bodyHit = db.prepare<[string], { rowid: number }>('SELECT rowid FROM search_fts WHERE search_fts MATCH ?')
  const titleHit = db.prepare<[string], { rowid: number }>('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?')
  for (const a of articles) {
    const story = Number(/^Story (\d+):/.exec(a.title)?.[1])
    expect(Number.isInteger(story), `round ${round}: article ${a.id} title ${a.title}`).toBe(true)
    const rows = paragraphs.all(a.id)
    expect(rows.length, `round ${round}: paragraphs of article ${a.id}`).toBe(2 + (story % 4))
    rows.forEach((p, j) => {
      expect(bodyHit.all(`text : "item ${story} ${j}"`).map((r) => r.rowid), `round ${round}: FTS of paragraph ${p.id}`).toEqual([a.id])
    })
    expect(titleHit.all(`title : "story ${story}"`).map((r) => r.rowid)).toEqual([a.id])
    stories.push(story)
  }
  return stories.sort((x, y) => x - y)
}
