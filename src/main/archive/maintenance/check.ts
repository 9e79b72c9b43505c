import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { CheckProblem, CheckProblemKind, CheckReport } from '../../../shared/archive'
import { AnnalistError } from '../../../shared/errors'
import { openReadonlyConnection, peekSchemaVersion, preUpgradeCopies, refuseNewer, type Db } from '../db'
import { SCHEMA_VERSION } from '../migrations'
import { cleanTextHash, registerArticleBody } from '../article-body'
import { hashFile } from './hash-file'
import { scanOriginals } from './originals-scan'
import { eachLimited } from './pool'
import { chronologyProblems } from './chronology-check'
import { snapshotDatabase } from './snapshot'
import { megabytes } from '../../../shared/sizes'

/** Originals hashed at once (reads overlap on the I/O thread pool). */
const HASH_WIDTH = 8

/** Options of checkArchive. */
export interface CheckOptions {
  /** Where the temporary snapshot of the database goes (default: the OS temp folder). */
  tempDir?: string
  /** Stop listing problems after this many (the count is still reported). */
  maxProblems?: number
}

class Findings {
  readonly problems: CheckProblem[] = []
  readonly notes: string[] = []
  private dropped = 0

  constructor(private readonly max: number) {}

  add(kind: CheckProblemKind, message: string): void {
    if (this.problems.length < this.max) this.problems.push({ kind, message })
    else this.dropped++
  }

  finish(): CheckProblem[] {
    if (this.dropped > 0) {
      this.problems.push({ kind: this.problems[this.problems.length - 1]!.kind, message: `…and ${this.dropped} more problems` })
    }
    return this.problems
  }
}

function checkSqliteIntegrity(db: Db, out: Findings): void {
  for (const row of db.pragma('integrity_check(200)') as { integrity_check: string }[]) {
    if (row.integrity_check !== 'ok') out.add('integrity', `database: ${row.integrity_check}`)
  }
  for (const row of db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[]) {
    const which = row.rowid === null ? `a row of ${row.table}` : `${row.table} row ${row.rowid}`
    out.add('foreign-key', `${which} points at a missing ${row.parent} row`)
  }
}

/** FTS5 index tables (not fts5vocab views, whose statement also says "USING fts5"). */
export function ftsTables(db: Db): string[] {
  return db
    .prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
    .all()
    .filter((r) => /\bUSING\s+fts5\s*\(/i.test(r.sql))
    .map((r) => r.name)
}

/**
 * FTS5's own integrity-check; with rank 1 it also compares an external-content index against its
 * content table. It is a write statement to SQLite, hence it runs on the snapshot.
 */
function checkFts(snapshot: Db, out: Findings): void {
  for (const table of ftsTables(snapshot)) {
    try {
      snapshot.prepare(`INSERT INTO "${table}"("${table}", rank) VALUES ('integrity-check', 1)`).run()
    } catch (err) {
      out.add('fts-drift', `${table}: the full-text index does not match its content (${(err as Error).message})`)
    }
  }
}

function checkArticleText(db: Db, out: Findings): void {
  // A paragraph is its offsets into the article text (migration 018): they must tile the text.
  const paragraphs = db.prepare<[number], { ordinal: number; start: number; end: number }>(
    'SELECT ordinal, start, end FROM paragraphs WHERE article_id = ? ORDER BY ordinal'
  )
  const articles = db.prepare<[], { id: number; text: string; text_hash: string }>(
    'SELECT id, text, text_hash FROM articles ORDER BY id'
  )
  for (const a of articles.iterate()) {
    if (cleanTextHash(a.text) !== a.text_hash) out.add('text-hash', `article ${a.id}: text_hash does not match its text`)
    const rows = paragraphs.all(a.id)
    if (rows.length === 0 && a.text.trim() !== '') {
      out.add('paragraph-offsets', `article ${a.id}: has text but no paragraphs`)
      continue
    }
    let cursor = 0
    let bad: string | null = null
    rows.forEach((p, i) => {
      if (bad) return
      if (p.ordinal !== i + 1) bad = `paragraph ordinals skip from ${i} to ${p.ordinal}`
      else if (p.start < cursor || p.end < p.start || p.end > a.text.length) bad = `paragraph ${p.ordinal} has offsets ${p.start}–${p.end} out of order or beyond the text`
      else if (a.text.slice(p.start, p.end).trim() === '') bad = `paragraph ${p.ordinal} at ${p.start}–${p.end} holds no text`
      else if (a.text.slice(cursor, p.start).trim() !== '') bad = `text before paragraph ${p.ordinal} belongs to no paragraph`
      cursor = p.end
    })
    if (!bad && a.text.slice(cursor).trim() !== '') bad = 'text after the last paragraph belongs to no paragraph'
    if (bad) out.add('paragraph-offsets', `article ${a.id}: ${bad}`)
  }
}

async function checkOriginals(db: Db, originalsDir: string, out: Findings): Promise<number> {
  const { byHash, strays } = scanOriginals(originalsDir)
  const referenced = new Set<string>()
  const files = db.prepare<[], { id: number; sha256: string; size: number; name: string }>(
    'SELECT id, sha256, size, name FROM files ORDER BY id'
  )
  const rows = files.all()
  const findings: (readonly [CheckProblemKind, string] | null)[] = new Array(rows.length).fill(null)
  for (const f of rows) referenced.add(f.sha256)
  // Hashed a few at a time; findings are collected by row so the report order stays stable.
  await eachLimited(rows.map((f, i) => [f, i] as const), HASH_WIDTH, async ([f, i]) => {
    const path = byHash.get(f.sha256)
    if (!path) {
      findings[i] = ['original-missing', `file ${f.id} (${f.name}): original ${f.sha256} is missing from originals/`]
      return
    }
    let actual
    try {
      actual = await hashFile(path)
    } catch (err) {
      findings[i] = ['original-missing', `file ${f.id} (${f.name}): original ${path} cannot be read: ${(err as Error).message}`]
      return
    }
    if (actual.sha256 !== f.sha256) findings[i] = ['original-corrupt', `file ${f.id} (${f.name}): ${path} no longer matches its sha256`]
    else if (actual.size !== f.size) findings[i] = ['original-corrupt', `file ${f.id} (${f.name}): ${path} is ${actual.size} bytes, the row says ${f.size}`]
  })
  for (const finding of findings) if (finding) out.add(finding[0], finding[1])
  const orphans = [...byHash.keys()].filter((h) => !referenced.has(h))
  // Harmless while unreferenced, but a re-import of the same file would reuse a damaged one.
  const damagedOrphans: string[] = []
  await eachLimited(orphans, HASH_WIDTH, async (hash) => {
    const actual = await hashFile(byHash.get(hash)!).catch(() => null)
    if (actual?.sha256 !== hash) damagedOrphans.push(hash)
  })
  for (const hash of damagedOrphans.sort()) {
    out.add('original-corrupt', `${byHash.get(hash)} does not match its name; no row points at it, but a re-import of that file would reuse it: delete it`)
  }
  const unreferenced = orphans.length
  if (unreferenced > 0) {
    out.notes.push(`${unreferenced} original${unreferenced === 1 ? '' : 's'} with no file row (left by an interrupted import; harmless, reused on re-import)`)
  }
  if (strays.length > 0) {
    out.notes.push(`${strays.length} stray file${strays.length === 1 ? '' : 's'} in originals/ (temporary files of an interrupted import; harmless): ${strays.slice(0, 5).join(', ')}${strays.length > 5 ? ', …' : ''}`)
  }
  return byHash.size
}

/**
 * The database as it was before each upgrade is kept beside it and never deleted by the app (a
 * wrong migration would be found later, if at all). Each is a whole copy, 1.3 GB at 90,000
 * generated articles, so the user is told what they hold and when they may go.
 */
function noteUpgradeCopies(dbFile: string, out: Findings): void {
  const copies = preUpgradeCopies(dbFile)
  if (copies.length === 0) return
  const total = copies.reduce((n, c) => n + c.bytes, 0)
  const each = copies.map((c) => `${basename(c.path)}, ${megabytes(c.bytes)}`).join('; ')
  out.notes.push(
    `pre-upgrade/ keeps the database as it was before ${copies.length === 1 ? 'its upgrade' : `each of ${copies.length} upgrades`} (${each}${copies.length > 1 ? `; ${megabytes(total)} in all` : ''}): delete ${copies.length === 1 ? 'it' : 'them'} once the upgraded archive has shown it works, to free the space`
  )
}

function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

/**
 * Checks an archive without changing it: SQLite integrity and foreign keys on the live file
 * (opened read-only), then FTS sync, paragraph offsets, text hashes and originals on a consistent
 * snapshot taken with the online backup API, so a writer working meanwhile is no false alarm.
 */
export async function checkArchive(dir: string, options: CheckOptions = {}): Promise<CheckReport> {
  const started = Date.now()
  const root = resolve(dir)
  const dbFile = join(root, 'archive.sqlite')
  if (!existsSync(dbFile)) throw new AnnalistError('not-found', `no archive at ${root} (archive.sqlite is missing)`)
  const out = new Findings(options.maxProblems ?? 500)
  const report = (schemaVersion: number, counts: CheckReport['counts']): CheckReport => {
    const problems = out.finish()
    return { path: root, healthy: problems.length === 0, schemaVersion, counts, problems, notes: out.notes, elapsedMs: Date.now() - started }
  }
  const emptyCounts = { articles: 0, paragraphs: 0, files: 0, originals: 0 }

  let schemaVersion: number
  let live: Db
  try {
    schemaVersion = peekSchemaVersion(dbFile)
    refuseNewer(schemaVersion, dbFile)
    live = openReadonlyConnection(dbFile)
  } catch (err) {
    if (err instanceof AnnalistError) throw err
    out.add('unreadable', `${dbFile} cannot be opened: ${(err as Error).message}`)
    return report(0, emptyCounts)
  }

  if (schemaVersion === 0) {
    live.close()
    out.notes.push('the database is empty: the archive was never initialised (an interrupted first open); it is set up when next opened for writing')
    return report(0, { ...emptyCounts, originals: scanOriginals(join(root, 'originals')).byHash.size })
  }
  if (schemaVersion < SCHEMA_VERSION) {
    out.notes.push(`schema ${schemaVersion}; it is upgraded to ${SCHEMA_VERSION} when next opened for writing`)
  }
  noteUpgradeCopies(dbFile, out)

  const scratch = mkdtempSync(join(options.tempDir ?? tmpdir(), 'annalist-check-'))
  try {
    const snapshotFile = join(scratch, 'snapshot.sqlite')
    try {
      checkSqliteIntegrity(live, out)
      await snapshotDatabase(live, snapshotFile)
    } catch (err) {
      const code = (err as { code?: string }).code
      if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
        // The scratch disk is full: no finding about the archive itself.
        throw new AnnalistError('internal', `check needs room for a copy of ${dbFile} in ${scratch}, and that disk is full`)
      }
      out.add('unreadable', `${dbFile} cannot be read: ${(err as Error).message}`)
      return report(schemaVersion, emptyCounts)
    } finally {
      live.close()
    }
    const snapshot = new Database(snapshotFile)
    registerArticleBody(snapshot)
    try {
      checkFts(snapshot, out)
      checkArticleText(snapshot, out)
      for (const p of chronologyProblems(snapshot)) out.add(p.kind, p.message)
      const originals = await checkOriginals(snapshot, join(root, 'originals'), out)
      return report(schemaVersion, {
        articles: count(snapshot, 'articles'),
        paragraphs: count(snapshot, 'paragraphs'),
        files: count(snapshot, 'files'),
        originals
      })
    } finally {
      snapshot.close()
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
