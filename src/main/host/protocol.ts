/** Messages between the backend host (the main or HTTP thread) and its worker threads. */
import type { AnnalistEvents, ApiEvent } from '../../shared/api'
import type { Envelope } from '../../shared/envelope'
import type { ErrorInfo } from '../../shared/errors'
import type { UploadedFile } from '../backend'
import type { SampleOutcome, SampleSource } from '../firstrun'
import type { OpenGate } from './open-gate'

/** The writer owns the writable archive; readers hold read-only connections to the same file. */
export type WorkerRole = 'writer' | 'reader'

/** A module each worker imports at start to wrap its backend (tests gate and crash calls with it). */
export interface Instrument {
  module: string
  /** Handed to `instrument()` as is (e.g. a SharedArrayBuffer both sides wait on). */
  data?: unknown
}

/** The worker's `workerData`. */
export interface WorkerInit {
  role: WorkerRole
  dir: string
  recentArchivesFile?: string
  /** The archive the host was started with (HostOptions.archiveDir), whatever `dir` is now. */
  homeDir: string
  /** The separate sample archive (firstrun.ts); the writer offers it on an empty archive's first run. */
  sample?: SampleSource
  instrument?: Instrument
  /** See HostOptions.readerStaleMs. */
  readerStaleMs: number
  /** A reader started beside the writer waits at this gate before it opens the archive. */
  openGate?: OpenGate
  /**
   * A reader started beside the first one, for calls that arrive together. It loads no search
   * caches until it answers a search itself (search-warmup.ts): on two cores, both readers loading
   * the article columns at once (150 ms each at 100,000 articles) held the first answer some 40 ms
   * longer, and a second warmed reader held some 60 MB more for searches the first one answered.
   */
  spare?: boolean
}

/**
 * A thread's `workerData`: its init, or a mark that it was started before anyone asked for it
 * (thread.ts `prestartThreads`) and waits for its init as the host's first message.
 */
export type WorkerData = WorkerInit | { prestarted: true }

export type HostRequest =
  /** The init of a prestarted thread (WorkerData), sent once by the host that takes it. */
  | { type: 'init'; init: WorkerInit }
  /**
   * `writes`: how many write calls the host has had answered (a reader's caches must reflect them).
   * `wire`: answer with the envelope as wire text (shared/wire.ts), which an HTTP reply sends as
   * is. Posting a search's result as an object (a structured clone of some thousand small objects)
   * held the reader 1.4 ms at 100,000 articles; writing it as text and posting that, 0.4 ms.
   */
  | { type: 'call'; seq: number; method: string; arg: unknown; writes: number; wire?: boolean }
  | { type: 'uploads'; seq: number; files: UploadedFile[]; batchId?: string }
  /** Reader only: another archive became the open one. */
  | { type: 'open'; dir: string }
  | { type: 'close' }

export type WorkerMessage =
  /** `id`: the archive's id (archive/repo/identity), from the writer; readers send null (the host keeps the writer's). */
  | { type: 'ready'; dir: string; id: string | null; sample: SampleOutcome | null }
  | { type: 'failed'; error: ErrorInfo }
  /** `startedAt` is when the worker began the call, in clockMs() of either thread. */
  | { type: 'reply'; seq: number; envelope: Reply; startedAt: number }
  | { type: 'event'; event: ApiEvent; payload: AnnalistEvents[ApiEvent] }
  /** A reader's own work (loading its search caches) holds its thread from `since` (clockMs) until it sends null. */
  | { type: 'busy'; since: number | null }
  | { type: 'closed' }

/** A call's envelope, or its wire text when the call asked for that. */
export type Reply = Envelope<unknown> | string

/** Milliseconds on a clock every thread of the process reads alike (each thread's origin differs). */
export function clockMs(): number {
  return performance.timeOrigin + performance.now()
}
