/**
 * The backend beside the UI: one writer thread owns the writable archive (imports, edits, undo,
 * archive switching), a pool of reader threads answers read calls on read-only connections
 * (WAL lets them read while the writer writes), and the calling thread (Electron's main process
 * or the HTTP server) only routes sequence-numbered calls and forwards events. A long read or
 * write never holds a short read: a long read (a check, a backup) gets a reader thread of its own,
 * other reads go to an idle reader, and the pool grows (to `maxReaders`) while every reader is busy.
 */
import { API_ACCESS, isLongRead, type AnnalistApi, type AnnalistEvents, type ApiEvent, type ApiMethod } from '../../shared/api'
import { buildClient } from '../../shared/client'
import type { Envelope } from '../../shared/envelope'
import { AnnalistError, type ErrorInfo } from '../../shared/errors'
import type { ImportReport } from '../../shared/types'
import { fromWire, toWire } from '../../shared/wire'
import { releaseLockOfDeadWriter } from '../archive/archive'
import type { UploadedFile } from '../backend'
import type { SampleOutcome, SampleSource } from '../firstrun'
import type { WorkerEntry } from '../platform/entry'
import { newOpenGate, releaseOpenGate } from './open-gate'
import { clockMs, type HostRequest, type Instrument, type Reply, type WorkerInit, type WorkerMessage, type WorkerRole } from './protocol'
import type { BackendService } from './service'
import { chooseReader } from './reader-choice'
import { backendWorkerEntry, Thread } from './thread'

/** Calls slower than this (waiting included) are logged with their method. */
export const SLOW_CALL_MS = 50
/** Readers always running; two cover a long read (check, export) beside the UI's short ones. */
export const DEFAULT_READERS = 2
/** Ceiling of the pool while every reader is busy (check, backup and a search at once fit). */
export const DEFAULT_MAX_READERS = 4
/**
 * Long reads running at once, each on a thread of its own; more wait for one to end. Each thread
 * holds a backend, and a check copies the whole database to scratch space (1.5 GB at 100,000
 * articles): a check and a backup together fit, a row of repeated clicks does not start a row of
 * copies.
 */
export const MAX_LONG_READS = 2
/** A reader above the minimum that has been idle this long is stopped. */
const READER_IDLE_MS = 30_000
/**
 * How long a reader's search caches may lag behind a write still running (an import storing file
 * after file moves the search generation each time). Catching up reads only what changed since
 * (the article change log, the vocabulary's drains), but each catch-up still costs a search that
 * pays for it. Measured before catch-up in place (full reloads; bench responsiveness, 20,000
 * articles, 5,000-file import, load 7-10): with 1 s the reloads outran the readers (p95 12.4 s),
 * with 5 s p95 0.9 s; with catch-up in place and 5 s, at load 1.4-2.4: p95 21 ms, longest wait 13 ms.
 */
export const READER_STALE_MS = 5_000

/** How long one call waited for its thread and then ran, for the slow-call log and benchmarks. */
export interface CallTiming {
  method: string
  thread: string
  /** From the call reaching the host to its thread starting it (time spent behind other calls). */
  waitMs: number
  /** From the thread starting it to the answer arriving back. */
  runMs: number
}

export interface HostOptions {
  archiveDir: string
  /** The recent-archives list file (default `<userData>/recent-archives.json`; tests pass a temp file). */
  recentArchivesFile?: string
  /** The separate sample archive: offered (made) on an empty archive's first run, removable by the UI. */
  sample?: SampleSource
  readers?: number
  maxReaders?: number
  slowCallMs?: number
  /** Where slow calls and thread crashes are reported (default: one line each on stderr). */
  log?: (line: string) => void
  /** Every call's timing, as it is answered. */
  onCall?: (timing: CallTiming) => void
  instrument?: Instrument
  /** READER_STALE_MS unless given (never across a write that has answered). */
  readerStaleMs?: number
  entry?: WorkerEntry
}

/** The threaded backend: the same `invoke`/`on` as Backend, plus a typed client over them. */
export interface BackendHost extends BackendService {
  /** Every method as a function that resolves to its value or throws its AnnalistError. */
  readonly api: AnnalistApi
  /** The archive open now. */
  readonly archiveDir: string
  /** Its id, known from the start without a call (which would wait for a reader). */
  readonly archiveId: string | null
  /** What offering the sample archive did at start (null when no sample was given). */
  readonly sample: SampleOutcome | null
  close(): Promise<void>
}

type Listener = (payload: AnnalistEvents[ApiEvent]) => void

/** Starts the writer (which opens, migrates and possibly seeds the archive) and the readers, which open it after the writer. */
export async function startBackendHost(options: HostOptions): Promise<BackendHost> {
  const entry = options.entry ?? backendWorkerEntry()
  const minReaders = Math.max(1, options.readers ?? DEFAULT_READERS)
  const maxReaders = Math.max(minReaders, options.maxReaders ?? DEFAULT_MAX_READERS)
  const slowCallMs = options.slowCallMs ?? SLOW_CALL_MS
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const listeners = new Map<ApiEvent, Set<Listener>>()
  let dir = options.archiveDir
  let id: string | null = null
  let seq = 0
  let readerCount = 0
  let closing = false
  let writerError: AnnalistError | null = null
  /** Write calls answered so far: readers must reflect all of them (read-your-writes). */
  let writesAnswered = 0
  const readers: Thread[] = []
  /** Threads started for one long read each (MethodSpec.long), outside the pool; each ends after its call. */
  const alone = new Set<Thread>()
  /** Long reads waiting for one of MAX_LONG_READS to end, each with the time it reached the host. */
  const longWaiting: { method: string; arg: unknown; wire: boolean; sentAt: number; resolve: (reply: Reply) => void }[] = []

  const init = (role: WorkerRole): WorkerInit => ({
    role,
    dir,
    homeDir: options.archiveDir,
    readerStaleMs: options.readerStaleMs ?? READER_STALE_MS,
    ...(options.sample ? { sample: options.sample } : {}),
    ...(options.recentArchivesFile ? { recentArchivesFile: options.recentArchivesFile } : {}),
    ...(options.instrument ? { instrument: options.instrument } : {})
  })

  const onMessage = (thread: Thread, m: WorkerMessage): void => {
    if (m.type === 'reply') {
      const call = thread.pending.get(m.seq)
      if (!call) return
      thread.pending.delete(m.seq)
      if (thread.role === 'writer') writesAnswered++
      if (thread.pending.size === 0) {
        thread.idleSince = Date.now()
        if (alone.delete(thread)) {
          void thread.close()
          startWaitingLongReads()
        }
      }
      const now = clockMs()
      const timing: CallTiming = {
        method: call.method,
        thread: thread.name,
        waitMs: Math.max(0, m.startedAt - call.sentAt),
        runMs: Math.max(0, now - m.startedAt)
      }
      const total = timing.waitMs + timing.runMs
      if (total > slowCallMs) {
        log(`annalist: slow call ${call.method} ${total.toFixed(0)} ms (${timing.waitMs.toFixed(0)} ms waiting) on the ${thread.name}`)
      }
      options.onCall?.(timing)
      call.resolve(m.envelope)
    } else if (m.type === 'event') {
      // Readers move to the new archive before anyone hears of it, so no read that follows the
      // event can reach the old one (each thread takes its messages in order).
      if (m.event === 'archiveChanged') {
        const info = m.payload as AnnalistEvents['archiveChanged']
        dir = info.path
        id = info.id
        for (const r of readers) r.send({ type: 'open', dir })
      }
      for (const l of listeners.get(m.event) ?? []) l(m.payload)
    }
  }

  const onGone = (thread: Thread, reason: string): void => {
    const calls = [...thread.pending.values()]
    thread.pending.clear()
    const expected = closing || thread.stopping
    for (const call of calls) {
      const error: ErrorInfo =
        thread.startError?.toInfo() ??
        (expected
          ? { code: 'cancelled', message: `${call.method}: the backend closed before answering` }
          : {
              code: 'interrupted',
              message: `${call.method} was interrupted: the backend ${thread.name} stopped (${reason}); it has been restarted, so the call may be tried again`
            })
      call.resolve({ ok: false, error })
    }
    if (expected) return
    const failing = calls.length ? `, failing ${calls.map((c) => c.method).join(', ')}` : ''
    if (alone.delete(thread)) {
      log(`annalist: the backend ${thread.name} stopped (${reason})${failing}`)
      startWaitingLongReads()
      return
    }
    log(`annalist: the backend ${thread.name} stopped (${reason})${failing}; restarting it`)
    if (thread.role === 'writer') {
      if (!thread.isReady) return
      // Its archive connection died with it; the lock file it held names this very process.
      releaseLockOfDeadWriter(dir)
      writer = spawnWriter()
      writer.ready.catch((err: unknown) => {
        writerError = err instanceof AnnalistError ? err : new AnnalistError('internal', String(err))
        log(`annalist: the backend writer could not be restarted: ${writerError.message}`)
      })
    } else {
      const at = readers.indexOf(thread)
      if (at >= 0) readers.splice(at, 1)
      if (thread.isReady && readers.length < minReaders) readers.push(spawnReader())
    }
  }

  const spawnWriter = (): Thread => new Thread('writer', 'writer', init('writer'), entry, onMessage, onGone)
  const spawnReader = (start: Pick<WorkerInit, 'openGate' | 'spare'> = {}): Thread =>
    new Thread('reader', `reader ${++readerCount}`, { ...init('reader'), ...start }, entry, onMessage, onGone)

  let writer = spawnWriter()
  // The first reader loads its code while the writer opens (and perhaps creates, upgrades or
  // seeds) the archive; it opens it once the writer is ready. The other readers start once it is
  // ready: on two cores a third thread loading the backend beside those two held the first
  // answer back by 50–90 ms, and a spare is not needed before the second call at once.
  const openGate = newOpenGate()
  const first = spawnReader({ openGate })
  readers.push(first)
  let started: { dir: string; id: string | null; sample: SampleOutcome | null }
  try {
    started = await writer.ready
  } catch (err) {
    closing = true
    releaseOpenGate(openGate, false)
    await Promise.all([first.close(), writer.close()])
    throw err
  }
  dir = started.dir
  id = started.id
  releaseOpenGate(openGate, true)
  try {
    await first.ready
  } catch (err) {
    closing = true
    await Promise.all([writer, ...readers].map((t) => t.close()))
    throw err
  }
  // A spare that cannot start leaves the pool (onGone); calls go to the ready reader meanwhile.
  while (readers.length < minReaders) readers.push(spawnReader({ spare: true }))

  const retire = setInterval(() => {
    const now = Date.now()
    for (const r of [...readers]) {
      if (readers.length <= minReaders) break
      if (r.pending.size === 0 && now - r.idleSince > READER_IDLE_MS) {
        readers.splice(readers.indexOf(r), 1)
        void r.close()
      }
    }
  }, READER_IDLE_MS / 3)
  retire.unref()

  const pickReader = (): Thread => {
    const states = readers.map((r) => r.readerState())
    const choice = chooseReader(states, clockMs(), readers.length < maxReaders)
    let target: Thread
    if (choice === 'new') readers.push((target = spawnReader()))
    else target = readers[choice]!
    // One reader is kept idle and warm for the next read while the others are busy (a check, a
    // backup); spares above the minimum stop after READER_IDLE_MS without work.
    if (readers.length < maxReaders && readers.every((r, i) => r === target || states[i]!.pending > 0)) {
      readers.push(spawnReader())
    }
    return target
  }

  /**
   * A thread for one long read, on the archive open now. It loads no search caches (a spare) and
   * takes no later call; its start (150 ms on an idle machine, up to a second beside other work)
   * is part of the long call's wait, not of any search's.
   */
  const startAlone = (method: string): Thread => {
    const thread = new Thread('reader', `${method} thread`, { ...init('reader'), spare: true }, entry, onMessage, onGone)
    alone.add(thread)
    return thread
  }

  const closingError = (method: string): Envelope<unknown> => ({ ok: false, error: { code: 'cancelled', message: `${method}: the backend is closing` } })

  /** `sentAt`: when the call reached the host, if it waited there first (its wait counts from then). */
  const dispatch = (thread: Thread, method: string, request: (seq: number) => HostRequest, sentAt = clockMs()): Promise<Reply> => {
    if (closing) return Promise.resolve(closingError(method))
    if (thread.role === 'writer' && writerError) return Promise.resolve({ ok: false, error: writerError.toInfo() })
    const n = ++seq
    return new Promise((resolve) => {
      thread.pending.set(n, { method, sentAt, resolve })
      thread.send(request(n))
    })
  }

  const callRequest =
    (method: string, arg: unknown, wire: boolean) =>
    (n: number): HostRequest => ({ type: 'call', seq: n, method, arg, writes: writesAnswered, ...(wire ? { wire } : {}) })

  const startWaitingLongReads = (): void => {
    while (!closing && alone.size < MAX_LONG_READS && longWaiting.length > 0) {
      const next = longWaiting.shift()!
      void dispatch(startAlone(next.method), next.method, callRequest(next.method, next.arg, next.wire), next.sentAt).then(next.resolve)
    }
  }

  /** A call's envelope, or its wire text if `wire` (the host's own refusals are written here). */
  const call = (method: string, arg: unknown, wire: boolean): Promise<Reply> => {
    if (isLongRead(method) && !closing) {
      if (alone.size < MAX_LONG_READS) return dispatch(startAlone(method), method, callRequest(method, arg, wire))
      return new Promise((resolve) => longWaiting.push({ method, arg, wire, sentAt: clockMs(), resolve }))
    }
    // Unknown methods go to a reader too: it refuses them without touching the archive.
    const thread = API_ACCESS[method as ApiMethod] === 'write' ? writer : pickReader()
    return dispatch(thread, method, callRequest(method, arg, wire))
  }
  const invoke = async (method: string, arg: unknown): Promise<Envelope<unknown>> => {
    const reply = await call(method, arg, false)
    return typeof reply === 'string' ? (fromWire(reply) as Envelope<unknown>) : reply
  }
  const invokeWire = async (method: string, arg: unknown): Promise<string> => {
    const reply = await call(method, arg, true)
    return typeof reply === 'string' ? reply : toWire(reply)
  }

  const on = <E extends ApiEvent>(event: E, listener: (payload: AnnalistEvents[E]) => void): (() => void) => {
    let set = listeners.get(event)
    if (!set) listeners.set(event, (set = new Set()))
    set.add(listener as Listener)
    return () => set.delete(listener as Listener)
  }

  return {
    api: buildClient(invoke, on),
    get archiveDir() {
      return dir
    },
    get archiveId() {
      return id
    },
    sample: started.sample,
    invoke,
    invokeWire,
    on,
    importUploads(files: UploadedFile[], batchId?: string) {
      return dispatch(writer, 'importUploads', (n) => ({ type: 'uploads', seq: n, files, ...(batchId ? { batchId } : {}) })) as Promise<
        Envelope<ImportReport>
      >
    },
    async close() {
      if (closing) return
      closing = true
      clearInterval(retire)
      for (const waiting of longWaiting.splice(0)) waiting.resolve(closingError(waiting.method))
      // Readers first: the last connection to close checkpoints the WAL into the database, and
      // only the writer's may.
      await Promise.all([...readers, ...alone].map((t) => t.close()))
      await writer.close()
    }
  }
}
