import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { Db } from '../../src/main/archive/db'
import { openArchive } from '../../src/main/archive/archive'
import { checkArchive } from '../../src/main/archive/maintenance/check'
import { createChronology } from '../../src/main/chronology/chronologies'
import { redo, undo } from '../../src/main/archive/journal'
import { sha256 } from '../../src/main/archive/originals'
import { deriveEdtf } from '../../src/shared/edtf'
import { seedArticles, seededRandom } from './archive-seed'
import { killHard, spawnScript, waitForLine } from './child'
import { KILL_CHRONOLOGY, LAST_STEP } from './chronology-edits'

/** Where one kill round ended. */
export interface ChronologyKillRound {
  round: number
  /** The last edit the child reported committed before the kill. */
  lastReported: string
  events: number
  citations: number
  ms: number
}

interface EventRow {
  id: number
  note: string
  date_edtf: string
  earliest_day: string
  latest_day: string
  sort_key: string
}

/**
 * Every event is complete: date columns and sort key are what its EDTF derives; each segment
 * `seg:n:k` (one per create merged into it) has exactly its k citations `c<n>`, its tag `t<n>`;
 * the event is in the kill chronology; every citation quotes its article exactly; every step the
 * child reported committed is present, and no step appears twice.
 */
function expectComplete(db: Db, reported: { creates: number[]; cites: number[] }, round: number): { events: number; citations: number } {
  const where = `round ${round}`
  const chronologyId = db.prepare('SELECT id FROM chronologies WHERE name = ?').pluck().get(KILL_CHRONOLOGY) as number
  const events = db.prepare('SELECT id, note, date_edtf, earliest_day, latest_day, sort_key FROM events').all() as EventRow[]
  const citationsOf = db.prepare('SELECT note FROM citations WHERE event_id = ?').pluck()
  const tagsOf = db.prepare('SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE et.event_id = ?').pluck()
  const member = db.prepare('SELECT 1 FROM chronology_events WHERE chronology_id = ? AND event_id = ?')
  const segmentOwner = new Map<number, number>()
  for (const e of events) {
    const d = deriveEdtf(e.date_edtf)
    expect([e.earliest_day, e.latest_day, e.sort_key], `${where}: event ${e.id} date columns`).toEqual([d.earliest, d.latest, d.sortKey])
    expect(member.get(chronologyId, e.id), `${where}: event ${e.id} lost its chronology`).toBeDefined()
    const segments = [...e.note.matchAll(/seg:(\d+):(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const)
    expect(segments.length, `${where}: event ${e.id} has no creating step in its note "${e.note}"`).toBeGreaterThan(0)
    const notes = citationsOf.all(e.id) as (string | null)[]
    const tags = new Set(tagsOf.all(e.id) as string[])
    for (const [n, k] of segments) {
      expect(segmentOwner.has(n), `${where}: step ${n} appears in two events`).toBe(false)
      segmentOwner.set(n, e.id)
      expect(notes.filter((x) => x === `c${n}`).length, `${where}: event ${e.id}, step ${n}: citations`).toBe(k)
      expect(tags.has(`t${n}`), `${where}: event ${e.id}, step ${n}: tag`).toBe(true)
    }
    const own = new Set(segments.map(([n]) => `c${n}`))
    for (const note of notes) if (note?.startsWith('c')) expect(own.has(note), `${where}: event ${e.id} has a stray citation ${note}`).toBe(true)
  }
  const citations = db
    .prepare('SELECT c.id, c.exact, c.start, c.end, c.text_hash, a.text FROM citations c JOIN articles a ON a.id = c.article_id')
    .all() as { id: number; exact: string; start: number; end: number; text_hash: string; text: string }[]
  for (const c of citations) {
    expect(c.text.slice(c.start, c.end), `${where}: citation ${c.id} quote`).toBe(c.exact)
    expect(c.text_hash, `${where}: citation ${c.id} hash`).toBe(sha256(c.text))
  }
  for (const n of reported.creates) expect(segmentOwner.has(n), `${where}: reported create ${n} was lost`).toBe(true)
  const cited = new Set(db.prepare("SELECT note FROM citations WHERE note LIKE 'x%'").pluck().all() as string[])
  for (const n of reported.cites) expect(cited.has(`x${n}`), `${where}: reported citation ${n} was lost`).toBe(true)
  const recording = db.prepare('SELECT action_id FROM undo_recording WHERE id = 1').pluck().get()
  expect(recording, `${where}: the undo journal was left recording`).toBeNull()
  return { events: events.length, citations: citations.length }
}

/** Everything a chronology edit touches, as one comparable string. */
function digest(db: Db): string {
  const tables = ['events', 'citations', 'event_tags', 'event_entities', 'chronology_events', 'tags']
  return sha256(tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all())).join('\n'))
}

/**
 * Runs chronology edits (create events with citations, add citations, re-date, merge) in a child
 * process on one archive and SIGKILLs it `rounds` times at seeded random points; each child resumes
 * the previous one's work. After each kill: `check` is clean, every event is complete (see
 * expectComplete), nothing the child reported committed is missing, and undo then redo of the last
 * committed action leaves the archive exactly as it was.
 */
export async function killChronologyRounds(options: { rounds: number; seed: number }): Promise<ChronologyKillRound[]> {
  const random = seededRandom(options.seed)
  const base = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'annalist-kill-chron-'))
  const dir = join(base, 'archive')
  const results: ChronologyKillRound[] = []
  try {
    const setup = openArchive(dir)
    seedArticles(setup, 60, options.seed)
    createChronology(setup.db, { name: KILL_CHRONOLOGY })
    setup.close()
    const reported = { creates: [] as number[], cites: [] as number[] }
    let step = 0
    for (let round = 1; round <= options.rounds; round++) {
      const started = Date.now()
      const child = spawnScript('chronology-edit-child.ts', [dir])
      let last = 'nothing'
      let buffer = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString()
        const lines = buffer.split('\n')
        buffer = lines.pop()!
        for (const line of lines) {
          const m = /^done (\d+) (\w+)$/.exec(line)
          if (!m) continue
          last = line
          step = Number(m[1])
          if (m[2] === 'create') reported.creates.push(step)
          if (m[2] === 'cite') reported.cites.push(step)
        }
      })
      const remaining = LAST_STEP - step
      const target = step + 1 + Math.floor(random() * Math.max(1, Math.floor((2 * remaining) / (options.rounds - round + 2))))
      await waitForLine(child, /^ready$/, 60_000)
      await waitForLine(child, (line) => Number(/^done (\d+)/.exec(line)?.[1] ?? -1) >= target, 120_000)
      await new Promise((r) => setTimeout(r, Math.floor(random() * 5)))
      const finishedFirst = child.exitCode !== null
      await killHard(child)
      expect(finishedFirst, `round ${round}: the child finished before the kill`).toBe(false)

      const report = await checkArchive(dir)
      expect(report.problems, `round ${round}`).toEqual([])
      const archive = openArchive(dir)
      try {
        const counts = expectComplete(archive.db, reported, round)
        const before = digest(archive.db)
        const undone = undo(archive.db)
        expect(undone.label, `round ${round}: nothing to undo`).not.toBeNull()
        expect(digest(archive.db), `round ${round}: undo changed nothing`).not.toBe(before)
        redo(archive.db)
        expect(digest(archive.db), `round ${round}: undo + redo of "${undone.label}"`).toBe(before)
        results.push({ round, lastReported: last, ...counts, ms: Date.now() - started })
      } finally {
        archive.close()
      }
    }
  } finally {
    rmSync(base, { recursive: true, force: true })
  }
  return results
}
