import { constants } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import type { ImportFailureCode } from '../../shared/types'
import { concatExact } from './bytes'
import { awakeTimeout } from '../platform/awake-clock'

/** A read that has not finished by then is abandoned (a hung network mount, a device). */
export const READ_DEADLINE_MS = 20_000

/** Bytes asked of the system per read; a file is read in chunks so its size is what was read. */
const CHUNK_BYTES = 1 << 20

/** Bytes asked for past the size stat gave, to find the end (or growth) cheaply. */
const PROBE_BYTES = 64 * 1024

/** Why a file could not be read, with the code the import report gives it. */
export class ReadFailure extends Error {
  constructor(
    readonly code: ImportFailureCode,
    message: string
  ) {
    super(message)
  }
}

export interface FileRead {
  bytes: Uint8Array
  mtimeMs: number
}

/**
 * Reads a file the user chose, bounded by what is actually read, never by what `stat` says:
 * /proc files claim size 0 and never end, a file can grow or be swapped after it was listed.
 * The open does not block (a FIFO with no writer would wait forever), anything but a regular
 * file is refused on the open descriptor, bytes are counted as they arrive and the read stops
 * one byte past the limit, and the whole read has a deadline.
 */
export async function readBounded(path: string | Buffer, label: string, maxBytes: number, deadlineMs = READ_DEADLINE_MS): Promise<FileRead> {
  let handle: FileHandle | undefined
  /** Set once the read is over: an open that completes later closes what it opened. */
  let over = false
  let cancel: (() => void) | undefined
  const deadline = new Promise<never>((_, reject) => {
    cancel = awakeTimeout(deadlineMs, () => reject(new ReadFailure('timeout', `${label} could not be read within ${deadlineMs / 1000} s`)))
  })
  try {
    const read = async (): Promise<FileRead> => {
      const opened = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
      if (over) {
        void opened.close().catch(() => undefined)
        throw new ReadFailure('timeout', `${label} was opened after the read was abandoned`)
      }
      handle = opened
      const st = await handle.stat()
      if (!st.isFile()) throw new ReadFailure('unreadable', `${label} is not a regular file (${kindOf(st)})`)
      if (st.size > maxBytes) throw new ReadFailure('too-large', `${label} is ${st.size} bytes; the limit is ${maxBytes}`)
      const chunks: Uint8Array[] = []
      let total = 0
      // First ask for what stat promises, then probe for more in small reads and chunks: a file
      // that claims size 0 (/proc) or grows is still read only as far as the limit.
      let want = Math.min(st.size > 0 ? st.size : CHUNK_BYTES, maxBytes + 1)
      for (;;) {
        // Unpooled and uninitialised: the buffer becomes the file's own and the read fills it.
        const chunk = Buffer.allocUnsafeSlow(want)
        const { bytesRead } = await handle.read(chunk, 0, want, null)
        if (bytesRead === 0) break
        total += bytesRead
        chunks.push(bytesRead === want ? chunk : chunk.subarray(0, bytesRead))
        // Past the limit whatever stat said: the file grew, or lied about its size.
        if (total > maxBytes) throw new ReadFailure('too-large', `${label} is more than ${maxBytes} bytes (the limit)`)
        want = Math.min(total >= st.size ? PROBE_BYTES : CHUNK_BYTES, maxBytes + 1 - total)
      }
      // Exact size: a worker is sent a view's whole backing buffer (a 1 MB read buffer per small
      // file once doubled an import's CPU time).
      return { bytes: concatExact(chunks, total), mtimeMs: st.mtimeMs }
    }
    return await Promise.race([read(), deadline])
  } catch (err) {
    if (err instanceof ReadFailure) throw err
    throw new ReadFailure('unreadable', `${label} cannot be read: ${(err as Error).message}`)
  } finally {
    cancel?.()
    over = true
    // A read abandoned at the deadline may still hold the descriptor; closing it ends that read.
    // One still opening closes its descriptor itself when the open completes.
    void (handle as FileHandle | undefined)?.close().catch(() => undefined)
  }
}

function kindOf(st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean }): string {
  if (st.isFIFO()) return 'a named pipe'
  if (st.isSocket()) return 'a socket'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  if (st.isDirectory()) return 'a folder'
  return 'a special file'
}
