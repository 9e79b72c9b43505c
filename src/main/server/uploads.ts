import { randomBytes } from 'node:crypto'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { AnnalistError } from '../../shared/errors'
import type { UploadReceipt } from '../../shared/http-api'
import type { UploadedFile } from '../backend'
import { MAX_FILE_BYTES } from '../../shared/formats'

export interface UploadLimits {
  /** Largest single upload; the import refuses larger files anyway. */
  fileBytes: number
  /** Bytes all uploads waiting for their import (and those arriving) may hold on disk together. */
  waitingBytes: number
  /** Uploads waiting for their import at once. */
  waitingFiles: number
}

/** The page uploads a batch (at most a few MB or one large file), then imports it at once. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  fileBytes: MAX_FILE_BYTES,
  waitingBytes: 1024 * 1024 * 1024,
  waitingFiles: 1000
}

interface Waiting extends UploadedFile {
  size: number
}

/**
 * Files uploaded through the page, written as they arrive to a folder the server creates
 * (mode 0700) and removes when it stops; never held whole in memory. Each upload waits under a
 * random id until an import takes it, then it is deleted.
 */
export class Uploads {
  readonly dir: string
  private readonly waiting = new Map<string, Waiting>()
  private arriving = 0
  /** Bytes on disk: waiting uploads plus what arriving ones have written so far. */
  private held = 0

  constructor(
    root: string = tmpdir(),
    private readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS
  ) {
    this.dir = mkdtempSync(join(root, 'annalist-uploads-'))
  }

  /**
   * Streams the request body to a new file, counting bytes as they arrive: past the limit the
   * file is removed and the rest of the body discarded, so the client reads the refusal.
   */
  async receive(req: IncomingMessage, name: string): Promise<UploadReceipt> {
    if (this.waiting.size + this.arriving >= this.limits.waitingFiles) {
      throw new AnnalistError('too-many-requests', `${this.limits.waitingFiles} uploads are already waiting for their import: import them first`)
    }
    const tooLarge = new AnnalistError('payload-too-large', `${name} is larger than ${this.limits.fileBytes} bytes, the most one file may be`)
    if (Number(req.headers['content-length'] ?? 0) > this.limits.fileBytes) throw tooLarge
    const id = randomBytes(16).toString('hex')
    const path = join(this.dir, id)
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 })
    let size = 0
    this.arriving++
    const failure = await new Promise<Error | null>((resolve) => {
      let stopped = false
      const stop = (err: Error): void => {
        if (stopped) return
        stopped = true
        req.resume()
        resolve(err)
      }
      req.on('data', (chunk: Buffer) => {
        if (stopped) return
        size += chunk.length
        this.held += chunk.length
        if (size > this.limits.fileBytes) return stop(tooLarge)
        if (this.held > this.limits.waitingBytes) {
          return stop(new AnnalistError('payload-too-large', `uploads waiting for their import would hold more than ${this.limits.waitingBytes} bytes`))
        }
        // Backpressure: the socket is read no faster than the disk takes it.
        if (!out.write(chunk)) {
          req.pause()
          out.once('drain', () => req.resume())
        }
      })
      req.on('end', () => {
        if (!stopped) out.end(() => resolve(null))
      })
      req.on('close', () => {
        if (!req.complete) stop(new AnnalistError('invalid-argument', `the upload of ${name} was interrupted`))
      })
      req.on('error', stop)
      out.on('error', stop)
    })
    this.arriving--
    if (failure) {
      this.held -= size
      out.destroy()
      await finished(out).catch(() => undefined)
      await rm(path, { force: true })
      throw failure instanceof AnnalistError ? failure : new AnnalistError('internal', `the upload of ${name} could not be stored: ${failure.message}`)
    }
    await finished(out)
    this.waiting.set(id, { name, path, size })
    return { id }
  }

  /** Hands waiting uploads to an import (they are no longer waiting); all ids must be known. */
  take(ids: readonly string[]): Waiting[] {
    const unknown = ids.find((id) => !this.waiting.has(id))
    if (unknown !== undefined) throw new AnnalistError('not-found', `no upload ${unknown} is waiting (it was imported already, or never arrived)`)
    return ids.map((id) => {
      const file = this.waiting.get(id)!
      this.waiting.delete(id)
      return file
    })
  }

  /** Deletes uploads an import is done with. */
  async discard(files: readonly Waiting[]): Promise<void> {
    for (const f of files) {
      await rm(f.path, { force: true })
      this.held -= f.size
    }
  }

  /** Removes the folder and everything in it. */
  close(): void {
    this.waiting.clear()
    rmSync(this.dir, { recursive: true, force: true })
  }
}
