import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ParseReply, ParseTask, WorkerInit, WorkerReady } from './worker-protocol'

/** Where the worker entry is and how to start it. */
export interface WorkerEntry {
  file: string
  execArgv: string[]
}

/**
 * Finds the worker entry. From source (vitest, tsx scripts) this module is a .ts file and the
 * worker is started on worker.ts through tsx; from the build it is `import-worker.js`, an entry
 * of its own in out/main, next to this code or one folder up when this code sits in a chunk.
 */
export function resolveWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  const here = fileURLToPath(moduleUrl)
  if (here.endsWith('.ts')) {
    // Resolved from here, not from the working directory, which may be anywhere.
    const tsx = pathToFileURL(createRequire(moduleUrl).resolve('tsx')).href
    return { file: join(dirname(here), 'worker.ts'), execArgv: ['--import', tsx] }
  }
  for (const candidate of [join(dirname(here), 'import-worker.js'), join(dirname(here), '..', 'import-worker.js')]) {
    if (existsSync(candidate)) return { file: candidate, execArgv: [] }
  }
  throw new Error(`import worker not found next to ${here}; rebuild with \`npm run build\``)
}

/** Worker count for this machine: one per core, at most 8 (SQLite writes are serial anyway). */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(8, availableParallelism()))
}

/** Size and limits of a parse pool. */
export interface PoolOptions {
  size: number
  /** A task running longer than this is abandoned and its worker replaced. */
  timeoutMs: number
  parserModule: string | null
  /** Heap limit of each worker: a page that needs more fails alone instead of exhausting memory. */
  heapMb?: number
  entry?: WorkerEntry
}

/**
 * Default heap limit of a parse worker. It also bounds how far V8 lets the heap grow lazily: with
 * 2 GB two HTML workers held ~880 MB on the 1,000-page bench, with 1 GB ~600 MB, equally fast;
 * 512 MB still parses a 64 MB file and keeps a runaway page from taking the machine with it.
 */
export const DEFAULT_WORKER_HEAP_MB = 512

interface Job {
  task: ParseTask
  transfer: boolean
  resolve(reply: ParseReply): void
  reject(err: Error): void
}

interface Slot {
  worker: Worker
  ready: boolean
  job: Job | null
  timer: NodeJS.Timeout | null
}

/**
 * A fixed set of parse workers fed from a queue. A task that overruns its time limit, or a
 * worker that dies, fails only that file; the worker is replaced. A worker that cannot start
 * at all is a broken installation and fails every task with that error.
 */
export class ParsePool {
  private readonly queue: Job[] = []
  private readonly slots = new Set<Slot>()
  private readonly entry: WorkerEntry
  private startError: Error | null = null
  private closed = false

  constructor(private readonly options: PoolOptions) {
    this.entry = options.entry ?? resolveWorkerEntry()
    for (let i = 0; i < Math.max(1, options.size); i++) this.spawn()
  }

  /** Parses one file in a worker; resolves with the reply (failures included), rejects only if workers cannot start. */
  run(task: ParseTask, options: { transferBytes?: boolean } = {}): Promise<ParseReply> {
    return new Promise((resolve, reject) => {
      if (this.startError) return reject(this.startError)
      if (this.closed) return reject(new Error('the import worker pool is closed'))
      const { bytes } = task
      // Handing over the buffer saves a copy; only when the caller owns all of it.
      const transfer =
        options.transferBytes === true &&
        bytes.buffer instanceof ArrayBuffer &&
        bytes.byteOffset === 0 &&
        bytes.byteLength === bytes.buffer.byteLength
      this.queue.push({ task, transfer, resolve, reject })
      this.pump()
    })
  }

  /** Stops every worker; tasks still queued or running are abandoned. */
  async close(): Promise<void> {
    this.closed = true
    const workers = [...this.slots].map((s) => s.worker)
    this.slots.clear()
    await Promise.all(workers.map((w) => w.terminate()))
  }

  private spawn(): void {
    const init: WorkerInit = { parserModule: this.options.parserModule }
    const worker = new Worker(this.entry.file, {
      workerData: init,
      execArgv: this.entry.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb ?? DEFAULT_WORKER_HEAP_MB }
    })
    const slot: Slot = { worker, ready: false, job: null, timer: null }
    this.slots.add(slot)
    worker.on('message', (msg: ParseReply | WorkerReady) => {
      if ('ready' in msg) {
        slot.ready = true
        this.pump()
        return
      }
      const job = slot.job
      if (!job || job.task.id !== msg.id) return
      this.finish(slot)
      job.resolve(msg)
      this.pump()
    })
    worker.on('error', (err) => this.lost(slot, err))
    worker.on('exit', (code) => this.lost(slot, new Error(`import worker exited with code ${code}`)))
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    slot.job = null
  }

  private lost(slot: Slot, err: Error): void {
    if (!this.slots.has(slot)) return
    this.slots.delete(slot)
    const job = slot.job
    this.finish(slot)
    void slot.worker.terminate()
    if (!slot.ready) {
      // Never started: the entry or its imports are broken; retrying would fail the same way.
      this.startError = new Error(`import worker failed to start: ${err.message}`)
      for (const j of this.queue.splice(0)) j.reject(this.startError)
      job?.reject(this.startError)
      return
    }
    if (job) {
      const outOfMemory = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      const message = outOfMemory
        ? `${job.task.name} needs more than ${this.options.heapMb ?? DEFAULT_WORKER_HEAP_MB} MB to parse and was abandoned`
        : `${job.task.name}: the parser crashed (${err.message})`
      job.resolve({ id: job.task.id, ok: false, code: 'parse-failed', message })
    }
    if (!this.closed) this.spawn()
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return
      if (!slot.ready || slot.job) continue
      const job = this.queue.shift()!
      slot.job = job
      slot.timer = setTimeout(() => this.overran(slot, job), this.options.timeoutMs)
      slot.worker.postMessage(job.task, job.transfer ? [job.task.bytes.buffer as ArrayBuffer] : [])
    }
  }

  private overran(slot: Slot, job: Job): void {
    if (slot.job !== job) return
    this.slots.delete(slot)
    this.finish(slot)
    void slot.worker.terminate()
    job.resolve({
      id: job.task.id,
      ok: false,
      code: 'timeout',
      message: `${job.task.name} took longer than ${formatDuration(this.options.timeoutMs)} to parse and was abandoned`
    })
    if (!this.closed) this.spawn()
  }
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`
}
