/**
 * The one way a file is replaced whole: written beside its destination under a temporary name,
 * then renamed over it, so a reader or a crash never sees half a file.
 */
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { resolve } from 'node:path'

export interface AtomicWriteOptions {
  /**
   * Flush the bytes to disk before the rename (default true), so a power cut cannot leave the new
   * name over empty or partial content. Off only where the caller makes the file durable itself.
   */
  fsync?: boolean
  /**
   * Permission bits the file is created with (default 0o666, less the umask). Set on the
   * temporary file before a byte is written, so a secret is never readable by others, even briefly.
   */
  mode?: number
}

/**
 * Replaces `target` with `content` atomically; returns the absolute path written. On failure the
 * temporary file is removed (a partial one would waste the very space a full disk lacks) and the
 * error says which file, keeping the system error as its cause (`code` ENOSPC for a full disk).
 */
export function writeFileAtomic(target: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): string {
  const file = resolve(target)
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  try {
    const fd = openSync(temp, 'wx', options.mode ?? 0o666)
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
      let written = 0
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
      if (options.fsync !== false) fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
  } catch (err) {
    rmSync(temp, { force: true })
    throw new Error(`cannot write ${file}: ${(err as Error).message}`, { cause: err })
  }
  return file
}

/** True when a write failed because the disk is full. */
export function isDiskFull(err: unknown): boolean {
  const cause = err instanceof Error && err.cause !== undefined ? err.cause : err
  return (cause as NodeJS.ErrnoException | undefined)?.code === 'ENOSPC'
}
