import { fork, type ChildProcess } from 'node:child_process'
import { availableParallelism, constants, getPriority, setPriority } from 'node:os'
import { resolveEntry, type WorkerEntry } from '../platform/entry'
import { processCpuMs, residentKb, runQueueWaitMs } from '../platform/proc'
import { AwakeClock, LOOK_MS } from '../platform/awake-clock'
import type { ParseProgress, ParseReply, ParseRevoke, ParseTask, WorkerInit, WorkerReady } from './worker-protocol'

export type { WorkerEntry }

/** The parse worker's entry (worker.ts from source, import-worker.js from the build). */
export function resolveWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  return resolveEntry(moduleUrl, 'worker.ts', 'import-worker.js', 'import worker')
}

/** Worker count for this machine: one per core, at most 8 (SQLite writes are serial anyway). */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(8, availableParallelism()))
}

/** Size and limits of a parse pool. */
export interface PoolOptions {
  size: number
  /**
   * A task that spends this long parsing is abandoned and its worker replaced. Each page read by
   * OCR starts the time again: a long scan that keeps turning pages is working, not stuck. The
   * time is the worker's CPU time where the kernel tells it (see TaskClock).
   */
  timeoutMs: number
  parserModule: string | null
  /** Heap limit of each worker: a page that needs more fails alone instead of exhausting memory. */
  heapMb?: number
  /** Whole-process memory ceiling of each worker in MB (Linux only; default DEFAULT_WORKER_RSS_MB). */
  rssMb?: number
  entry?: WorkerEntry
}

/**
 * Default heap limit of a parse worker. It also bounds how far V8 lets the heap grow lazily: with
 * 2 GB two HTML workers held ~880 MB on the 1,000-page bench, with 1 GB ~600 MB, equally fast;
 * 512 MB still parses a 64 MB file and keeps a runaway page from taking the machine with it.
 */
export const DEFAULT_WORKER_HEAP_MB = 512

/**
 * Whole-process ceiling of a parse worker (heap, buffers, native memory). The heap limit alone
 * leaves off-heap allocations uncounted; the resident size of the process counts them all.
 */
export const DEFAULT_WORKER_RSS_MB = 768

/**
 * Young-generation semi-space of a parse worker. V8 sizes it from the heap limit (16 MB or more);
 * parsers allocate in bursts and it stays grown. Measured on 300 saved pages (~130 KB each, two
 * workers, built CLI): 4 MB holds each worker at ~80 MB instead of ~185 MB, in the same time.
 */
const WORKER_SEMI_SPACE_MB = 4

/**
 * Tasks sent to one worker ahead of its answers, and their bytes at most (one task however
 * large). The importer stores results on the thread that hands out tasks, in transactions of up
 * to 200 ms: with one task per worker, each worker finished its file early in a commit and waited
 * for the rest of it. On 5,000 news texts the workers were each busy a third of the time and the
 * writer two thirds. Tasks sent ahead are parsed during commits; their answers wait in the pipe.
 */
export const SENT_AHEAD = 32
const SENT_AHEAD_BYTES = 8 * 1024 * 1024
/**
 * Nothing more is sent to a worker whose current file has taken this long, and the files sent to
 * it ahead are taken back and sent to others: a text or a page takes milliseconds, and files
 * behind a slow one (a scan read by OCR, a file that hangs until its time limit) would wait for
 * it while the other workers run dry.
 */
const SLOW_TASK_MS = 1000

/** How often a busy worker's resident size is read. */
const RSS_POLL_MS = 200

/** How much of a worker's stderr is kept to explain its death (V8 prints its OOM reason there). */
const STDERR_TAIL_BYTES = 4096

/** Told as the task's file is read: records of a container so far, or a page read by OCR. */
export type OnProgress = (progress: Omit<ParseProgress, 'id'>) => void

interface Job {
  task: ParseTask
  onProgress: OnProgress | undefined
  resolve(reply: ParseReply): void
  reject(err: Error): void
}

interface Slot {
  child: ChildProcess
  ready: boolean
  /**
   * Tasks sent, in the order the worker parses them (one at a time): the first is the one it is
   * parsing, whose time limit runs; the others wait in the worker and go back to the queue if it dies.
   */
  jobs: Job[]
  /** Bytes of the files of `jobs`. */
  bytes: number
  /** When the worker began the first of `jobs` (as far as the pool can tell). */
  headSince: number
  timer: NodeJS.Timeout | null
  /** Takes back the tasks waiting behind the first once it has run SLOW_TASK_MS. */
  slowTimer: NodeJS.Timeout | null
  /** The first task has run SLOW_TASK_MS: nothing more is sent until it is answered. */
  slow: boolean
  clock: TaskClock | null
  stderrTail: string
  /** Set when the pool itself ended the process, so its exit is not read as a crash. */
  killedFor: 'timeout' | 'memory' | 'close' | null
}

/**
 * A fixed set of parse workers fed from a queue. Each worker is a child process, not a thread:
 * V8 may abort the whole process when a worker thread exhausts its heap (nodejs/node#47224), and a
 * parser fed hostile input must never take the app with it. A task that overruns its time or
 * memory limit, or a worker that dies, fails only that file; the worker is replaced. A worker
 * that cannot start at all is a broken installation and fails every task with that error.
 */
export class ParsePool {
  private readonly queue: Job[] = []
  private readonly slots = new Set<Slot>()
  private readonly entry: WorkerEntry
  private readonly heapMb: number
  private readonly rssLimitKb: number
  private readonly monitor: NodeJS.Timeout | null
  private startError: Error | null = null
  private closed = false

  constructor(private readonly options: PoolOptions) {
    this.entry = options.entry ?? resolveWorkerEntry()
    this.heapMb = options.heapMb ?? DEFAULT_WORKER_HEAP_MB
    this.rssLimitKb = (options.rssMb ?? DEFAULT_WORKER_RSS_MB) * 1024
    for (let i = 0; i < Math.max(1, options.size); i++) this.spawn()
    // Resident size is only readable from /proc; elsewhere the heap limit is the guard.
    this.monitor = process.platform === 'linux' ? setInterval(() => this.checkMemory(), RSS_POLL_MS) : null
    this.monitor?.unref()
  }

  /**
   * Parses one file in a worker; resolves with the reply (failures included), rejects only if
   * workers cannot start. `onProgress` hears how many records of a container have been read, or
   * each page read by OCR; each such report restarts the time limit, which then bounds one record
   * or one page rather than the file.
   */
  run(task: ParseTask, onProgress?: OnProgress): Promise<ParseReply> {
    return new Promise((resolve, reject) => {
      if (this.startError) return reject(this.startError)
      if (this.closed) return reject(new Error('the import worker pool is closed'))
      this.queue.push({ task, onProgress, resolve, reject })
      this.pump()
    })
  }

  /** Stops every worker; tasks still queued or running are abandoned. */
  async close(): Promise<void> {
    this.closed = true
    if (this.monitor) clearInterval(this.monitor)
    const slots = [...this.slots]
    this.slots.clear()
    // Their time limits must not keep the process alive for another 30 s after a cancel.
    for (const slot of slots) this.finish(slot)
    await Promise.all(slots.map((slot) => this.kill(slot, 'close')))
  }

  private spawn(): void {
    const init: WorkerInit = { parserModule: this.options.parserModule }
    const child = fork(this.entry.file, [JSON.stringify(init)], {
      execArgv: [...this.entry.execArgv, `--max-old-space-size=${this.heapMb}`, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`],
      // Structured clone keeps Uint8Array and Date; JSON would not.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      // A copy: Electron's fork adds ELECTRON_RUN_AS_NODE to the env it is given.
      env: { ...process.env }
    })
    lowerPriority(child)
    const slot: Slot = { child, ready: false, jobs: [], bytes: 0, headSince: 0, timer: null, slowTimer: null, slow: false, clock: null, stderrTail: '', killedFor: null }
    this.slots.add(slot)
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      slot.stderrTail = (slot.stderrTail + d).slice(-STDERR_TAIL_BYTES)
    })
    child.on('message', (msg: ParseReply | ParseProgress | WorkerReady) => {
      if ('ready' in msg) {
        slot.ready = true
        this.pump()
        return
      }
      const job = slot.jobs[0]
      if (!job || job.task.id !== msg.id) return
      if (!('ok' in msg)) {
        this.arm(slot, job)
        job.onProgress?.(msg)
        return
      }
      this.finish(slot)
      slot.jobs.shift()
      slot.bytes -= job.task.bytes.length
      // The worker has gone on to the next task it was sent (at the latest when this answer was
      // sent; read after a commit, the answer can be late, which only lengthens the next limit).
      if (slot.jobs[0]) this.begin(slot, slot.jobs[0])
      job.resolve(msg)
      this.pump()
    })
    child.on('error', (err) => this.lost(slot, err.message))
    child.on('exit', (code, signal) => this.lost(slot, signal ? `killed by ${signal}` : `exited with code ${code}`))
  }

  /** Stops the time limit of the slot's running task, and its look at whether it has turned slow. */
  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer)
    if (slot.slowTimer) clearTimeout(slot.slowTimer)
    slot.timer = null
    slot.slowTimer = null
    slot.clock = null
  }

  private kill(slot: Slot, why: NonNullable<Slot['killedFor']>): Promise<void> {
    slot.killedFor ??= why
    const { child } = slot
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
    return new Promise((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })
  }

  /**
   * A worker that ended: fails the task it was parsing with the reason, puts the tasks it had not
   * started back at the head of the queue, and starts a replacement.
   */
  private lost(slot: Slot, how: string): void {
    if (!this.slots.has(slot)) return
    this.slots.delete(slot)
    const [job, ...waiting] = slot.jobs.splice(0)
    slot.bytes = 0
    this.finish(slot)
    const reply = job ? this.failure(job, slot, how) : null
    void this.kill(slot, 'close')
    if (!slot.ready) {
      // Never started: the entry or its imports are broken; retrying would fail the same way.
      const detail = slot.stderrTail.trim().split('\n').slice(-3).join(' ')
      this.startError = new Error(`import worker failed to start: ${how}${detail ? ` (${detail})` : ''}`)
      for (const j of this.queue.splice(0)) j.reject(this.startError)
      job?.reject(this.startError)
      return
    }
    this.queue.unshift(...waiting)
    if (job && reply) job.resolve(reply)
    if (!this.closed) this.spawn()
    this.pump()
  }

  private failure(job: Job, slot: Slot, how: string): ParseReply {
    const name = job.task.name
    if (slot.killedFor === 'timeout') {
      return { id: job.task.id, ok: false, code: 'timeout', message: `${name} took longer than ${formatDuration(this.options.timeoutMs)} to parse and was abandoned` }
    }
    if (slot.killedFor === 'memory') {
      return { id: job.task.id, ok: false, code: 'parse-failed', message: `${name} needs more than ${this.rssLimitKb / 1024} MB of memory to parse and was abandoned` }
    }
    if (/heap out of memory|Reached heap limit/i.test(slot.stderrTail)) {
      return { id: job.task.id, ok: false, code: 'parse-failed', message: `${name} needs more than ${this.heapMb} MB to parse and was abandoned` }
    }
    return { id: job.task.id, ok: false, code: 'parse-failed', message: `${name}: the parser crashed (${how})` }
  }

  /**
   * Sends queued tasks to the ready workers, each time to the one with the fewest waiting, of
   * those equal the one that began its current file first. While a worker is starting none is
   * sent ahead (the first one ready would be given the whole queue), nor to a worker on a slow file.
   */
  private pump(): void {
    while (this.queue.length > 0) {
      const bytes = this.queue[0]!.task.bytes.length
      const ahead = [...this.slots].every((slot) => slot.ready)
      let best: Slot | null = null
      for (const slot of this.slots) {
        if (!slot.ready) continue
        if (slot.jobs.length > 0) {
          if (!ahead || slot.jobs.length >= SENT_AHEAD || slot.bytes + bytes > SENT_AHEAD_BYTES) continue
          if (slot.slow) continue
        }
        if (!best || slot.jobs.length < best.jobs.length || (slot.jobs.length === best.jobs.length && slot.headSince < best.headSince)) best = slot
      }
      if (!best) return
      const job = this.queue.shift()!
      best.jobs.push(job)
      best.bytes += bytes
      if (best.jobs.length === 1) this.begin(best, job)
      best.child.send(job.task)
    }
  }

  /** The slot's worker is (about to be) on `job`: its time limit starts. */
  private begin(slot: Slot, job: Job): void {
    slot.headSince = performance.now()
    slot.slow = false
    this.arm(slot, job)
    slot.slowTimer = setTimeout(() => this.takeBack(slot, job), SLOW_TASK_MS)
    slot.slowTimer.unref()
  }

  /**
   * The slot's first task has run SLOW_TASK_MS: the tasks sent behind it go back to the head of
   * the queue, for the other workers, and the worker is told to skip them.
   */
  private takeBack(slot: Slot, job: Job): void {
    slot.slowTimer = null
    if (slot.jobs[0] !== job || !this.slots.has(slot)) return
    // Marked here, not by comparing clocks in pump: the timer fires when performance.now() says
    // SLOW_TASK_MS or a hair less, and the files taken back were sent straight back to it.
    slot.slow = true
    if (slot.jobs.length < 2) return
    const waiting = slot.jobs.splice(1)
    for (const w of waiting) {
      slot.bytes -= w.task.bytes.length
      slot.child.send({ revoke: w.task.id } satisfies ParseRevoke)
    }
    this.queue.unshift(...waiting)
    this.pump()
  }

  /** (Re)starts the time limit of the slot's task. */
  private arm(slot: Slot, job: Job): void {
    slot.clock = new TaskClock(slot.child.pid, this.options.timeoutMs)
    this.schedule(slot, job, this.options.timeoutMs)
  }

  private schedule(slot: Slot, job: Job, delayMs: number): void {
    if (slot.timer) clearTimeout(slot.timer)
    // Looked at often, so the task's clock can tell a sleep of the machine from time it ran.
    slot.timer = setTimeout(() => this.overran(slot, job), Math.min(delayMs, LOOK_MS))
  }

  private overran(slot: Slot, job: Job): void {
    if (slot.jobs[0] !== job || !slot.clock) return
    const waitMs = slot.clock.remainingMs()
    if (waitMs > 0) this.schedule(slot, job, waitMs)
    else void this.kill(slot, 'timeout')
  }

  private checkMemory(): void {
    for (const slot of this.slots) {
      if (slot.jobs.length === 0 || slot.child.pid === undefined) continue
      if (residentKb(slot.child.pid) > this.rssLimitKb) void this.kill(slot, 'memory')
    }
  }
}

/**
 * How much of a task's time limit is left. The limit counts the worker's CPU time, not the wall
 * clock: a niced worker on a loaded machine (an import beside a build, CI's parallel suites) gets
 * a fraction of a core, and by the wall clock a file that parses in a second would be abandoned.
 * A spinning parser burns CPU and still meets the limit. A worker that waits without using CPU
 * (blocked on a read, or a parser awaiting something that never comes) meets the backstop:
 * BACKSTOP_FACTOR times the limit of wall-clock time, not counting the time it spent queued for
 * a core, which is load, not a stall. Where CPU time cannot be read, the wall clock rules. Wall
 * time here is the time the importer was awake (platform/awake-clock.ts): a machine that slept
 * with files in flight wakes without failing them.
 */
class TaskClock {
  private readonly awake = new AwakeClock()
  private readonly atStart: CpuSample | null

  constructor(
    private readonly pid: number | undefined,
    private readonly limitMs: number
  ) {
    this.atStart = this.sample()
  }

  /** The worker's CPU time and run-queue wait now; null when its CPU time cannot be read. */
  private sample(): CpuSample | null {
    if (this.pid === undefined) return null
    const cpuMs = processCpuMs(this.pid)
    return cpuMs === null ? null : { cpuMs, queuedMs: runQueueWaitMs(this.pid) }
  }

  /** Milliseconds to wait before asking again; 0 or less when the limit is reached. */
  remainingMs(): number {
    const wallMs = this.awake.elapsedMs()
    const now = this.atStart && this.sample()
    if (!this.atStart || !now) return this.limitMs - wallMs
    const queuedMs =
      now.queuedMs === null || this.atStart.queuedMs === null ? 0 : now.queuedMs - this.atStart.queuedMs
    const cpuLeftMs = this.limitMs - (now.cpuMs - this.atStart.cpuMs)
    const backstopLeftMs = this.limitMs * BACKSTOP_FACTOR - (wallMs - queuedMs)
    if (cpuLeftMs <= 0 || backstopLeftMs <= 0) return 0
    // Neither can run out faster than the wall clock: ask again when the first could.
    return Math.max(MIN_RECHECK_MS, Math.min(cpuLeftMs, backstopLeftMs))
  }
}

interface CpuSample {
  cpuMs: number
  queuedMs: number | null
}

/** The wall-clock backstop of a task, as a multiple of its CPU time limit. */
const BACKSTOP_FACTOR = 4

/** Shortest wait between two readings of a task's CPU time (the kernel counts in 10 ms ticks). */
const MIN_RECHECK_MS = 50

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`
}

/**
 * Parsing is background work: at a lower priority the threads that answer the UI (the backend's
 * readers and writer) get the cores first while an import runs, and the import takes what is
 * left. On 2 cores with both parse workers busy, searches otherwise queued behind them.
 */
const PARSE_NICENESS = 10

/**
 * Lowers the worker's priority by PARSE_NICENESS from the importer's own (which it inherited). Set
 * as a plain value it raised the workers of an importer started with `nice -n 19` to 10, ahead of
 * whatever the user had meant the import to yield to.
 */
function lowerPriority(child: ChildProcess): void {
  if (child.pid === undefined) return
  try {
    setPriority(child.pid, Math.min(constants.priority.PRIORITY_LOW, getPriority(child.pid) + PARSE_NICENESS))
  } catch {
    // Not permitted here (some sandboxes): the worker keeps the normal priority.
  }
}
