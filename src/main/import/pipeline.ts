import { randomUUID } from 'node:crypto'
import { statSync, unlinkSync } from 'node:fs'
import { basename } from 'node:path'
import type { Archive } from '../archive/archive'
import { originalPath, sha256 } from '../archive/originals'
import { articleNames } from '../archive/repo/articles'
import type { BlobFile, ImportFailureCode, ImportProgress, ImportReport } from '../../shared/types'
import { MAX_FILE_BYTES, PART_SEPARATOR } from '../../shared/formats'
import { makeOriginalDurable } from './originals-durable'
import { ReadFailure, readBounded } from './read'
import { findByBytes, storeParsedArticle, type StoreInput } from './store'
import { loadDecisions } from '../entities/store'
import type { Decisions } from '../entities/decisions'
import { collectFiles } from './walk'
import { defaultPoolSize, ParsePool, SENT_AHEAD, type WorkerEntry } from './worker-pool'

/**
 * One thing to import: a path on disk, bytes that arrived without one, or an upload (bytes the
 * browser-mode server wrote to a file of its own: read from `path`, recorded only by `name`).
 */
export type ImportInput = { kind: 'path'; path: string } | { kind: 'blob'; blob: BlobFile } | Upload

type Upload = { kind: 'upload'; name: string; path: string }

/** A walked file (with its raw name when that is not UTF-8), dropped bytes, or an upload. */
type Item = { kind: 'path'; path: string; raw?: Buffer; size: number } | { kind: 'blob'; blob: BlobFile } | Upload

/**
 * Bytes of files scheduled but not yet committed: read-ahead is bounded in bytes as well as in
 * files, so a folder of large pages holds no more in memory than one of small notes. A single
 * file larger than this still goes through, alone.
 */
export const READ_AHEAD_BYTES = 24 * 1024 * 1024

/**
 * Files at least this large are parsed one at a time: parsing one can take a worker to several
 * hundred megabytes, and two at once were what took a mixed hostile batch past 800 MB.
 */
export const LARGE_FILE_BYTES = 4 * 1024 * 1024

function itemBytes(item: Item): number {
  if (item.kind === 'path') return item.size
  if (item.kind === 'blob') return item.blob.bytes.length
  return statSync(item.path, { throwIfNoEntry: false })?.size ?? 0
}

/** How a batch runs; every field has a default suited to the app. */
export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void
  /** Aborting stops the batch between files; files already stored stay. */
  signal?: AbortSignal
  /** Id reported in progress events and the report (so a caller can cancel by it). */
  batchId?: string
  /** Parse workers (default: one per core). */
  workers?: number
  /** A file whose parse takes longer fails with `timeout` (default 30 s). */
  timeoutMs?: number
  /** A larger file fails with `too-large` without being read (default MAX_FILE_BYTES). */
  maxFileBytes?: number
  /** Minimum time between progress events; the first and the last are always sent. */
  progressIntervalMs?: number
  /** Module exporting `parseSourceFile` to parse with instead of the built-in formats (tests). */
  parserModule?: string
  /** Heap limit of each parse worker in MB (default DEFAULT_WORKER_HEAP_MB). */
  workerHeapMb?: number
  /** Whole-process memory ceiling of each parse worker in MB (default DEFAULT_WORKER_RSS_MB). */
  workerRssMb?: number
  /**
   * The parse workers' entry (default: the one beside this module). A benchmark run from source
   * passes the build's, so its workers start as a user's do instead of compiling TypeScript.
   */
  workerEntry?: WorkerEntry
}

/**
 * WAL pages between automatic checkpoints while an import runs (SQLite's default is 1,000): 256
 * MB. In a large archive each stored article dirties a few hundred pages of the fingerprint index
 * at random places, and a checkpoint writes them back and waits for the disk. 3,000 articles into
 * 26,853: 45.6 articles/s with 32 MB between checkpoints, 52.2/s with 256 MB (two runs each).
 */
const IMPORT_AUTOCHECKPOINT_PAGES = 65_536

/** Page cache while an import runs, in SQLite's negative-KiB form: 64 MiB. */
const IMPORT_CACHE_SIZE = -65536

/**
 * Bytes of the database file the writer reads through a memory map while an import runs (the
 * most this build of SQLite maps). Near-duplicate matching and the index inserts read pages all
 * over the file; mapped, a page outside the cache is read without a system call and a copy.
 * 3,000 articles into 100,000: 10.2-11.1 ms of writer CPU per article mapped, 10.9-11.8 not
 * (four runs each, alternated). Only reads go through the map; writes still go to the WAL. The
 * cost: an I/O error under the map (an external disk pulled out) stops the process instead of
 * failing the statement; what was committed stays, as after a power cut. The mapped pages count
 * in the process's resident memory though the system can take them back at any time.
 */
const IMPORT_MMAP_BYTES = 0x7fff0000

/**
 * Most files stored in one transaction, and how long one may run before the rest wait for the
 * next: other writes (an edit, a cancel) queue behind it on the writer, so an edit sent during an
 * import is answered up to this much later; searches run on readers and do not wait. A longer
 * transaction writes each page it touches (the search index's new segment, the pages of the
 * links' and mentions' indexes) once for more articles, and leaves fewer segments to merge:
 * 3,000 articles into 100,000 took 10.9-11.5 ms of writer CPU each with 200 ms (27 to a
 * transaction) against 11.7-12.2 ms with 60 ms (8 to one), 72.1-76.4 against 70.6-71.8 a second.
 */
const COMMIT_BATCH_FILES = 128
const COMMIT_BATCH_MS = 200
/** How long the files after the first are waited for before a commit goes ahead without them. */
const COMMIT_GATHER_MS = 150

/** Default per-file parse time limit. */
export const DEFAULT_TIMEOUT_MS = 30_000

/** One article of a parsed file: its input to store, named in the report, and the part it is attached to. */
interface PreparedPart {
  label: string
  input: StoreInput
  /** Index of the part (a message) this one (an attachment) came with. */
  attachedTo: number | null
}

type Prepared =
  | { kind: 'failed'; label: string; code: ImportFailureCode; message: string }
  | { kind: 'duplicate'; label: string; duplicateOf: number }
  | {
      kind: 'parsed'
      label: string
      sha256: string
      parts: PreparedPart[]
      /** A container's records that failed, already named with the file. */
      failed: { path: string; code: ImportFailureCode; message: string }[]
      passedOver: Record<string, number>
    }

interface Loaded {
  name: string
  path: string | null
  bytes: Uint8Array
  mtimeMs: number | null
}

async function load(item: Item, maxBytes: number): Promise<Loaded> {
  if (item.kind === 'blob') {
    const { name, bytes } = item.blob
    if (bytes.length > maxBytes) throw new ReadFailure('too-large', `${name} is ${bytes.length} bytes; the limit is ${maxBytes}`)
    return { name, path: null, bytes, mtimeMs: null }
  }
  if (item.kind === 'upload') {
    const { bytes } = await readBounded(item.path, item.name, maxBytes)
    return { name: item.name, path: null, bytes, mtimeMs: null }
  }
  const { bytes, mtimeMs } = await readBounded(item.raw ?? item.path, item.path, maxBytes)
  return { name: basename(item.path), path: item.path, bytes, mtimeMs }
}

/**
 * Imports a batch. Files are read and hashed on the main thread (asynchronously), parsed in
 * worker processes, and stored by the main thread in input order, several files to a
 * transaction, each file in its own savepoint. Only a small window of files is in flight at
 * once, so memory stays bounded however large the batch. One bad file never aborts the batch: it is reported with a code and
 * a message naming it, and nothing of it is stored.
 */
export async function runImport(
  archive: Archive,
  inputs: readonly ImportInput[],
  options: ImportOptions = {}
): Promise<ImportReport> {
  const started = Date.now()
  const batchId = options.batchId ?? randomUUID()
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES
  const walked = collectFiles(inputs.flatMap((i) => (i.kind === 'path' ? [i.path] : [])))
  const items: Item[] = [
    ...walked.files.map((file) => ({ kind: 'path' as const, ...file })),
    ...inputs.filter((i) => i.kind !== 'path')
  ]
  const report: ImportReport = {
    batchId,
    added: [],
    duplicates: [],
    failed: [],
    nearDuplicates: [],
    cleaned: [],
    skipped: walked.skipped,
    passedOver: [],
    articles: [],
    cancelled: false,
    elapsedMs: 0
  }
  const total = items.length
  const interval = options.progressIntervalMs ?? 100
  let lastProgress = 0
  let done = 0
  const progress = (filesDone: number, current: string | null, force: boolean, pages?: ImportProgress['pages']): void => {
    if (!options.onProgress) return
    const now = Date.now()
    if (!force && now - lastProgress < interval) return
    lastProgress = now
    options.onProgress({ batchId, done: filesDone, total, current, ...(pages ? { pages } : {}) })
  }
  progress(0, null, true)
  if (total === 0) {
    report.elapsedMs = Date.now() - started
    return report
  }

  const poolSize = Math.min(options.workers ?? defaultPoolSize(), total)
  const pool = new ParsePool({
    size: poolSize,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    parserModule: options.parserModule ?? null,
    heapMb: options.workerHeapMb,
    rssMb: options.workerRssMb,
    entry: options.workerEntry
  })
  let nextId = 0
  // Hashes of originals written for this batch whose rows are not committed yet.
  const uncommitted = new Set<string>()
  const prepare = async (item: Item): Promise<Prepared> => {
    const label = item.kind === 'blob' ? item.blob.name : item.kind === 'upload' ? item.name : item.path
    let loaded: Loaded
    try {
      loaded = await load(item, maxBytes)
    } catch (err) {
      const f = err as ReadFailure
      return { kind: 'failed', label, code: f.code, message: f.message }
    }
    const hash = sha256(loaded.bytes)
    const existing = findByBytes(archive, hash)
    if (existing !== undefined) return { kind: 'duplicate', label, duplicateOf: existing }
    const size = loaded.bytes.length
    const reply = await pool.run(
      {
        id: nextId++,
        name: loaded.name,
        bytes: loaded.bytes,
        mtimeMs: loaded.mtimeMs,
        sha256: hash,
        originalsDir: archive.originalsDir
      },
      (p) =>
        p.page
          ? progress(done, label, p.page.done === p.page.total, { done: p.page.done, total: p.page.total })
          : progress(done, `${label} (record ${p.records ?? 0})`, false)
    )
    if (!reply.ok) return { kind: 'failed', label, code: reply.code, message: reply.message }
    holdOriginal(hash)
    uncommitted.add(hash)
    try {
      await makeOriginalDurable(archive.originalsDir, reply.original)
    } catch (err) {
      uncommitted.delete(hash)
      releaseOriginal(hash)
      return { kind: 'failed', label, code: 'storage-failed', message: `${label}: original could not be saved: ${(err as Error).message}` }
    }
    // A container's articles are named by the file and where each sits in it.
    const named = (part: string): string => (part === '' ? label : `${label}${PART_SEPARATOR}${part}`)
    return {
      kind: 'parsed',
      label,
      sha256: hash,
      parts: reply.parts.map((part, i) => ({
        label: named(part.label),
        attachedTo: part.attachedTo,
        input: {
          name: loaded.name,
          path: loaded.path,
          sha256: hash,
          size,
          mediaType: reply.mediaType,
          article: part.article,
          analysis: part.analysis,
          digest: part.digest,
          searchWords: part.searchWords,
          part: i
        }
      })),
      failed: reply.failed.map((f) => ({ path: named(f.label), code: f.code, message: f.message })),
      passedOver: reply.passedOver
    }
  }

  // Results are committed in input order, so article ids and "which copy is the original"
  // do not depend on which worker finished first.
  // The window is wider than the pool so that fsyncs of originals overlap with parsing, and so
  // that each worker has the tasks it is sent ahead while a commit runs, and as many again.
  const window = Math.max(4, poolSize * SENT_AHEAD * 2)
  // Sizes as listed, once each (an upload's takes a stat), for the read-ahead budget.
  const sizes = items.map(itemBytes)
  const inFlight: InFlight[] = []
  let bytesInFlight = 0
  let next = 0
  const schedule = (bytes: number, large: boolean): void => {
    const p = prepare(items[next++]!)
    const entry: InFlight = { result: p, bytes, large }
    // `value` says the result is in hand (prepare reports failures as results; this only
    // silences an early rejection, which the in-order await below reports).
    p.then((v) => (entry.value = v)).catch(() => undefined)
    inFlight.push(entry)
    bytesInFlight += bytes
  }
  // Thousands of small commits dirty the same index pages over and over; checkpointing every
  // 256 MB of WAL instead of every 4 MB writes each page back (and fsyncs) far less often.
  const autocheckpoint = archive.db.pragma('wal_autocheckpoint', { simple: true }) as number
  archive.db.pragma(`wal_autocheckpoint = ${Math.max(autocheckpoint, IMPORT_AUTOCHECKPOINT_PAGES)}`)
  // The fingerprint index is written at random places; keeping more of it cached saves re-reads.
  const cacheSize = archive.db.pragma('cache_size', { simple: true }) as number
  archive.db.pragma(`cache_size = ${IMPORT_CACHE_SIZE}`)
  const mmapSize = archive.db.pragma('mmap_size', { simple: true }) as number
  archive.db.pragma(`mmap_size = ${IMPORT_MMAP_BYTES}`)
  try {
    while (done < total) {
      if (options.signal?.aborted) {
        report.cancelled = true
        break
      }
      while (inFlight.length < window && next < total) {
        const bytes = sizes[next]!
        const large = bytes >= LARGE_FILE_BYTES
        if (inFlight.length > 0 && (bytesInFlight >= READ_AHEAD_BYTES || (large && inFlight.some((f) => f.large)))) break
        schedule(bytes, large)
      }
      const head = inFlight.shift()!
      bytesInFlight -= head.bytes
      const result = await untilAborted(head.result, options.signal)
      // A closed archive (the user switched archives) stops the batch like a cancel would.
      if (result === ABORTED || options.signal?.aborted || !archive.db.open) {
        report.cancelled = true
        break
      }
      // Files are stored several to a transaction: a commit per file rewrote the same FTS and
      // fingerprint pages into the WAL each time (measured on 3,000 news texts: 5.2 → 4.2 ms of
      // writer CPU per article with 16 to a commit). The next results are waited for briefly,
      // outside any transaction, so other writes still run between commits.
      const ready: Prepared[] = [result]
      const gatherUntil = performance.now() + COMMIT_GATHER_MS
      while (ready.length < COMMIT_BATCH_FILES && inFlight.length > 0) {
        const nextUp = inFlight[0]!
        if (nextUp.value === undefined) {
          const left = gatherUntil - performance.now()
          if (left <= 0) break
          let timer: NodeJS.Timeout | undefined
          await Promise.race([nextUp.result, new Promise((wake) => (timer = setTimeout(wake, left)))])
          clearTimeout(timer)
          if (nextUp.value === undefined || options.signal?.aborted || !archive.db.open) break
        }
        inFlight.shift()
        bytesInFlight -= nextUp.bytes
        ready.push(nextUp.value)
        // Keep the window full while gathering.
        while (inFlight.length < window && next < total) {
          const bytes = sizes[next]!
          const large = bytes >= LARGE_FILE_BYTES
          if (bytesInFlight >= READ_AHEAD_BYTES || (large && inFlight.some((f) => f.large))) break
          schedule(bytes, large)
        }
      }
      if (options.signal?.aborted || !archive.db.open) {
        report.cancelled = true
        break
      }
      for (const stored of commitBatch(archive, ready, report)) {
        if (stored.kind === 'parsed') {
          uncommitted.delete(stored.sha256)
          releaseOriginal(stored.sha256)
        }
        done++
        progress(done, stored.label, done === total)
      }
      // What the time budget left over goes first next round (its bytes are already counted out).
      inFlight.unshift(...ready.map((value) => ({ result: Promise.resolve(value), bytes: 0, large: false, value })))
    }
  } finally {
    // The archive may have been closed under a running import (the user switched archives).
    if (archive.db.open) {
      archive.db.pragma(`wal_autocheckpoint = ${autocheckpoint}`)
      archive.db.pragma(`cache_size = ${cacheSize}`)
      archive.db.pragma(`mmap_size = ${mmapSize}`)
    }
    await pool.close()
    // Originals of files parsed but never committed would be left behind unreferenced.
    if (archive.db.open) discardUncommitted(archive, uncommitted)
  }
  if (report.cancelled) progress(done, null, true)
  if (archive.db.open) report.articles = articleNames(archive.db, referencedArticles(report))
  report.elapsedMs = Date.now() - started
  return report
}

/** Ids the report names articles by: what a duplicate matched, both sides of a near-duplicate, what was cleaned. */
function referencedArticles(report: ImportReport): number[] {
  const ids = new Set<number>()
  for (const d of report.duplicates) ids.add(d.duplicateOf)
  for (const n of report.nearDuplicates) ids.add(n.articleId).add(n.otherId)
  for (const c of report.cleaned) for (const id of [c.articleId, ...c.cleanedIds]) ids.add(id)
  return [...ids]
}

const ABORTED = Symbol('aborted')

/** Waits for a file's result, or stops waiting the moment the batch is cancelled. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | typeof ABORTED> {
  if (!signal) return promise
  if (signal.aborted) return Promise.resolve(ABORTED)
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(ABORTED)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(err instanceof Error ? err : new Error(String(err)))
      }
    )
  })
}

// Originals written for files not yet committed, by hash, across every batch running in this
// process: one batch must not remove an original another is about to commit.
const pendingOriginals = new Map<string, number>()

function holdOriginal(hash: string): void {
  pendingOriginals.set(hash, (pendingOriginals.get(hash) ?? 0) + 1)
}

/** Returns whether no batch holds the original any more. */
function releaseOriginal(hash: string): boolean {
  const left = (pendingOriginals.get(hash) ?? 1) - 1
  if (left > 0) pendingOriginals.set(hash, left)
  else pendingOriginals.delete(hash)
  return left <= 0
}

/**
 * Removes the originals of files that were parsed but not committed (a cancelled batch), unless
 * a row or another running batch needs them. Files still being parsed are not waited for: their
 * workers are gone, and an original one of them wrote is adopted by the next import of the file.
 */
function discardUncommitted(archive: Archive, uncommitted: ReadonlySet<string>): void {
  for (const hash of uncommitted) {
    if (!releaseOriginal(hash) || findByBytes(archive, hash) !== undefined) continue
    try {
      unlinkSync(originalPath(archive.originalsDir, hash))
    } catch {
      // Already gone.
    }
  }
}

interface InFlight {
  result: Promise<Prepared>
  bytes: number
  large: boolean
  value?: Prepared
}

/** What `commit` adds to a report. */
type Outcomes = Pick<ImportReport, 'added' | 'duplicates' | 'failed' | 'nearDuplicates' | 'cleaned' | 'passedOver'>

/**
 * Stores results in input order in one transaction (each file still in its own savepoint, so a
 * file that fails leaves the others), stopping after COMMIT_BATCH_MS; takes those stored out
 * of `ready` and returns them, leaving the rest for the next transaction. If the transaction itself cannot commit (disk full),
 * the files are stored one by one instead, so each failure is reported with its file.
 */
function commitBatch(archive: Archive, ready: Prepared[], report: ImportReport): Prepared[] {
  // Read once per batch, not per article: 2,000 corrections took 2.6 ms to read, a third of the
  // writer's time for an article. Nothing a batch stores changes them; a correction made between
  // batches is read by the next one.
  const decisions = loadDecisions(archive.db)
  if (ready.length === 1) {
    commit(archive, ready[0]!, report, decisions)
    return ready.splice(0)
  }
  const scratch: Outcomes = { added: [], duplicates: [], failed: [], nearDuplicates: [], cleaned: [], passedOver: [] }
  const started = performance.now()
  let taken = 0
  try {
    archive.db.transaction(() => {
      while (taken < ready.length && (taken === 0 || performance.now() - started < COMMIT_BATCH_MS)) commit(archive, ready[taken++]!, scratch, decisions)
    })()
  } catch {
    for (const r of ready.slice(0, taken)) commit(archive, r, report, decisions)
    return ready.splice(0, taken)
  }
  for (const key of Object.keys(scratch) as (keyof Outcomes)[]) (report[key] as unknown[]).push(...scratch[key])
  return ready.splice(0, taken)
}

function commit(archive: Archive, result: Prepared, report: Outcomes, decisions: Decisions): void {
  if (result.kind === 'failed') {
    report.failed.push({ path: result.label, code: result.code, message: result.message })
    return
  }
  if (result.kind === 'duplicate') {
    report.duplicates.push({ path: result.label, duplicateOf: result.duplicateOf, reason: 'bytes' })
    return
  }
  // Article ids by part, so an attachment links to its message (stored now or found a duplicate).
  const ids: (number | null)[] = []
  for (const part of result.parts) {
    const attachedTo = part.attachedTo === null ? null : (ids[part.attachedTo] ?? null)
    ids.push(commitPart(archive, part, attachedTo, report, decisions))
  }
  report.failed.push(...result.failed)
  if (Object.keys(result.passedOver).length > 0) report.passedOver.push({ path: result.label, counts: result.passedOver })
}

/** Stores one article, all or nothing; returns its id, or the id it duplicates, or null. */
function commitPart(archive: Archive, part: PreparedPart, attachedTo: number | null, report: Outcomes, decisions: Decisions): number | null {
  try {
    const outcome = storeParsedArticle(archive, { ...part.input, attachedTo }, decisions)
    if (outcome.status === 'duplicate') {
      report.duplicates.push({ path: part.label, duplicateOf: outcome.duplicateOf, reason: outcome.reason })
      return outcome.duplicateOf
    }
    report.added.push({ id: outcome.id, path: part.label, title: outcome.title })
    for (const n of outcome.nearDuplicates) {
      report.nearDuplicates.push({
        articleId: outcome.id,
        otherId: n.otherId,
        sharedParagraphs: n.sharedParagraphs,
        paragraphs: n.paragraphs
      })
    }
    if (outcome.cleaned) report.cleaned.push(outcome.cleaned)
    return outcome.id
  } catch (err) {
    report.failed.push({
      path: part.label,
      code: 'storage-failed',
      message: `${part.label} could not be stored: ${(err as Error).message}`
    })
    return null
  }
}
