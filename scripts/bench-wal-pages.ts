/**
 * Where an import's writes go (issue 17): imports generated news articles into a copy of an
 * archive as the app imports (bench/app-import.ts), with the WAL never checkpointed, then reads
 * the WAL's frames (one per page a commit wrote) and names each page's table or index from
 * `dbstat`. Pages written per article grow with the archive where rows land at random places of
 * large B-trees; this says which ones. Unlike a rate, a page count barely moves with the
 * machine's speed, except through how many articles a commit holds (commits end after 200 ms of
 * work), printed beside it.
 *
 *   npx tsx scripts/bench-wal-pages.ts <archive dir> [--articles 2000] [--built]
 *
 * The archive is left as it was: the copy goes to a temporary folder and is deleted after.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../src/main/archive/archive'
import { importAsTheApp } from './bench/app-import'
import { importWorkers } from './bench/built-worker'
import { writeNewsCorpus } from './bench/news-corpus'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { articles: { type: 'string', default: '2000' }, built: { type: 'boolean', default: false } }
})
const dir = positionals[0]
if (!dir) throw new Error('usage: bench-wal-pages.ts <archive dir> [--articles 2000] [--built]')

/** Far more pages than any run writes: the import keeps the larger of this and its own 256 MB. */
const NEVER = 1 << 30
const WAL_HEADER = 32
const FRAME_HEADER = 24

const work = mkdtempSync(join(tmpdir(), 'annalist-wal-pages-'))
try {
  mkdirSync(join(work, 'archive', 'originals'), { recursive: true })
  // The log too, when the archive has one: it may hold the last commits.
  for (const file of ['archive.sqlite', 'archive.sqlite-wal']) {
    if (existsSync(join(dir, file))) copyFileSync(join(dir, file), join(work, 'archive', file))
  }
  const archive = openArchive(join(work, 'archive'))
  archive.db.pragma('wal_checkpoint(TRUNCATE)')
  const from = archive.db.prepare('SELECT coalesce(max(id), 0) FROM articles').pluck().get() as number
  archive.db.pragma(`wal_autocheckpoint = ${NEVER}`)
  const input = join(work, 'input')
  // The generator's stories from the archive's size on, as bench:million would add them next.
  writeNewsCorpus(input, { from, to: from + Number(values.articles) })
  const report = await importAsTheApp(archive, [{ kind: 'path', path: input }], importWorkers(values.built))
  const wal = readFileSync(join(work, 'archive', 'archive.sqlite-wal'))
  const pageSize = wal.readUInt32BE(8)
  const salt = [wal.readUInt32BE(16), wal.readUInt32BE(20)]
  const writes = new Map<number, number>()
  let frames = 0
  let commits = 0
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
    // A frame of an earlier generation of the file carries another salt: the log ends there.
    if (wal.readUInt32BE(at + 8) !== salt[0] || wal.readUInt32BE(at + 12) !== salt[1]) break
    const page = wal.readUInt32BE(at)
    writes.set(page, (writes.get(page) ?? 0) + 1)
    frames++
    // A commit's last frame records the database's size in pages; the others hold 0.
    if (wal.readUInt32BE(at + 4) !== 0) commits++
  }
  const owner = new Map<number, string>()
  for (const row of archive.db.prepare('SELECT name, pageno FROM dbstat').raw().iterate() as Iterable<[string, number]>) owner.set(row[1], row[0])
  const byObject = new Map<string, { frames: number; pages: number }>()
  for (const [page, n] of writes) {
    const name = owner.get(page) ?? '(free pages)'
    const o = byObject.get(name) ?? { frames: 0, pages: 0 }
    o.frames += n
    o.pages++
    byObject.set(name, o)
  }
  archive.close()
  const added = Math.max(1, report.added.length)
  process.stdout.write(
    `${report.added.length} articles into a copy of ${from}: ${frames} pages written (${((frames * pageSize) / 1e6).toFixed(0)} MB) in ${commits} commits, ` +
      `${(frames / added).toFixed(1)} pages an article, ${(added / Math.max(1, commits)).toFixed(1)} articles a commit; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n` +
      `pages written per article, and the distinct pages they were, by table or index:\n`
  )
  for (const [name, o] of [...byObject].sort((a, b) => b[1].frames - a[1].frames).slice(0, 20)) {
    process.stdout.write(`  ${name.padEnd(40)} ${(o.frames / added).toFixed(1).padStart(7)} ${String(o.pages).padStart(9)}\n`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
