/** One backend worker thread as the host sees it: its calls not answered yet, its start and its end. */
import { Worker } from 'node:worker_threads'
import { AnnalistError, fromErrorInfo } from '../../shared/errors'
import type { SampleOutcome } from '../firstrun'
import { resolveEntry, type WorkerEntry } from '../platform/entry'
import type { HostRequest, Reply, WorkerData, WorkerInit, WorkerMessage, WorkerRole } from './protocol'
import type { ReaderState } from './reader-choice'

/** How long close waits for a thread to close its archive before it is terminated. */
const CLOSE_WAIT_MS = 5_000

/** A call sent to a thread and not answered yet. */
export interface Pending {
  method: string
  sentAt: number
  resolve(reply: Reply): void
}

/**
 * A reader's young generation, at most (V8's default lets it grow to 48 MB). Loading its caches
 * once made millions of short-lived rows, and the space they grew stayed committed: the built
 * server at 110,000 articles held 470 MB after 1,000 searches with the default, 384-388 MB with
 * 6 MB. The caches are now read as one joined row per article, and at 100,000 16 MB against 6
 * (three runs each, alternated) gave p50 9.9-10.9 against 11.4-12.0 ms, p95 29.7-32.1 against
 * 31.6-35.9 ms over 1,000 searches, and 241-244 against 247-274 MB after them. (A common word's
 * search makes arrays of tens of thousands of ids; with 6 MB they are scavenged more often.)
 */
const READER_HEAP = { maxYoungGenerationSizeMb: 16 }

/** The backend worker entry (worker.ts from source, backend-worker.js from the build). */
export function backendWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  return resolveEntry(moduleUrl, 'worker.ts', 'backend-worker.js', 'backend worker')
}

/** A backend thread of `role` from `entry`, given `data` (its init, or that it was prestarted). */
function startWorker(entry: WorkerEntry, role: WorkerRole, data: WorkerData): Worker {
  return new Worker(entry.file, { workerData: data, execArgv: entry.execArgv, resourceLimits: role === 'reader' ? READER_HEAP : undefined })
}

/** Threads started by `prestartThreads` that no Thread has taken yet. */
const prestarted: { entry: WorkerEntry; role: WorkerRole; worker: Worker }[] = []

/**
 * Starts backend threads before anything asks for them, for the next Threads of their roles
 * from the same entry to take: a thread spends 100-150 ms loading the backend before it can be
 * told what to open, and `annalist serve` (cli/index.ts) starts its writer and first reader
 * while its own thread loads the rest of the CLI. One nobody takes does not hold the process
 * open, and its failure only removes it.
 */
export function prestartThreads(entry: WorkerEntry, roles: readonly WorkerRole[]): void {
  for (const role of roles) {
    const started = { entry, role, worker: startWorker(entry, role, { prestarted: true }) }
    started.worker.unref()
    const drop = (): void => {
      const at = prestarted.indexOf(started)
      if (at >= 0) prestarted.splice(at, 1)
    }
    started.worker.once('error', drop)
    started.worker.once('exit', drop)
    prestarted.push(started)
  }
}

/** Prestarts the threads `startBackendHost` starts first: the writer and the first reader. */
export function prestartBackend(): void {
  prestartThreads(backendWorkerEntry(), ['writer', 'reader'])
}

/** Prestarted threads not taken yet (for tests). */
export function prestartedCount(): number {
  return prestarted.length
}

/** A prestarted thread of `role` from `entry`, given its init; null when there is none. */
function takePrestarted(entry: WorkerEntry, role: WorkerRole, init: WorkerInit): Worker | null {
  const at = prestarted.findIndex((p) => p.role === role && p.entry.file === entry.file && p.entry.execArgv.join(' ') === entry.execArgv.join(' '))
  if (at < 0) return null
  const { worker } = prestarted.splice(at, 1)[0]!
  worker.ref()
  worker.postMessage({ type: 'init', init } satisfies HostRequest)
  return worker
}

/** One worker thread and the calls it has not answered yet. */
export class Thread {
  readonly worker: Worker
  readonly pending = new Map<number, Pending>()
  readonly ready: Promise<{ dir: string; id: string | null; sample: SampleOutcome | null }>
  isReady = false
  gone = false
  /** Set by close: its end is expected, not a crash. */
  stopping = false
  /** Why it could not start, when it could not. */
  startError: AnnalistError | null = null
  idleSince = Date.now()
  /** Since when the thread's own work (a reader loading its caches) holds it, in clockMs; null when it does not. */
  busySince: number | null = null
  private closed: (() => void) | null = null

  constructor(
    readonly role: WorkerRole,
    readonly name: string,
    init: WorkerInit,
    entry: WorkerEntry,
    onMessage: (thread: Thread, message: WorkerMessage) => void,
    onGone: (thread: Thread, reason: string) => void
  ) {
    this.worker = takePrestarted(entry, role, init) ?? startWorker(entry, role, init)
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') {
          this.isReady = true
          resolve({ dir: m.dir, id: m.id, sample: m.sample })
        } else if (m.type === 'failed') {
          this.startError = fromErrorInfo(m.error)
          reject(this.startError)
        } else if (m.type === 'closed') {
          this.closed?.()
        } else if (m.type === 'busy') {
          this.busySince = m.since
        } else {
          onMessage(this, m)
        }
      })
      const end = (reason: string): void => {
        if (this.gone) return
        this.gone = true
        reject(new AnnalistError('internal', `the backend ${name} stopped before it was ready (${reason})`))
        this.closed?.()
        onGone(this, reason)
      }
      this.worker.on('error', (err) => end(err.message))
      this.worker.on('exit', (code) => end(`exit code ${code}`))
    })
    // A thread that never starts is reported through whoever awaits `ready`, or by its calls.
    this.ready.catch(() => undefined)
  }

  /**
   * What choosing a reader needs of it. Its own work (loading its caches) counts as a call: a
   * search sent there waits for it.
   */
  readerState(): ReaderState {
    return { ready: this.isReady, pending: this.pending.size + (this.busySince === null ? 0 : 1), oldestSentAt: this.oldestSentAt() }
  }

  /** When its longest-waiting unanswered call was sent, or its own work began (Infinity when neither). */
  oldestSentAt(): number {
    let oldest = this.busySince ?? Infinity
    for (const call of this.pending.values()) oldest = Math.min(oldest, call.sentAt)
    return oldest
  }

  send(request: HostRequest): void {
    this.worker.postMessage(request)
  }

  /** Asks the thread to close its archive (releasing the writer's lock), then ends it. */
  async close(): Promise<void> {
    if (this.gone) return
    this.stopping = true
    const closed = new Promise<void>((resolve) => (this.closed = resolve))
    this.send({ type: 'close' })
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())])
    await this.worker.terminate()
  }
}
