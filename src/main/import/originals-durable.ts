import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { dirname } from 'node:path'
import { originalPath } from '../archive/originals'
import { isDiskFull, writeFileAtomic } from '../platform/atomic-write'

/**
 * Originals are written in two steps so that durability costs no worker time:
 *
 * 1. `writeOriginal` (worker thread): temp file + rename under the content hash. Atomic against a
 *    crash of the process, since the name appears only with the full content behind it.
 * 2. `makeOriginalDurable` (main thread, asynchronous on libuv's pool): fsync of the file and of
 *    its folder, awaited before the row pointing at it is committed, so a power cut can lose a
 *    row, never leave one without its bytes. Several files' fsyncs run at once and the file
 *    system folds them into few journal commits, which is what makes ~10 ms fsyncs affordable.
 *
 * A file left at its final name by a power cut before step 2 may be short or damaged; it is
 * rewritten when it does not hold exactly the bytes being imported.
 */

/** Where an original was written, and whether its two-letter folder had to be created. */
export interface WrittenOriginal {
  path: string
  newFolder: boolean
}

/** Step 1: writes the original under its hash (no fsync); reuses a complete existing copy. */
export function writeOriginal(originalsDir: string, bytes: Uint8Array, hash: string): WrittenOriginal {
  const target = originalPath(originalsDir, hash)
  const existing = statSync(target, { throwIfNoEntry: false })
  // Reached only for an original no row points at (a crash, a deleted article): rare enough to
  // compare the bytes, so a damaged leftover is replaced rather than adopted.
  if (existing?.isFile() && existing.size === bytes.length && readFileSync(target).equals(bytes)) {
    return { path: target, newFolder: false }
  }
  const newFolder = !statSync(dirname(target), { throwIfNoEntry: false })
  mkdirSync(dirname(target), { recursive: true })
  try {
    // Step 2 makes it durable, off the worker.
    writeFileAtomic(target, bytes, { fsync: false })
  } catch (err) {
    if (isDiskFull(err)) {
      throw new Error(`disk full: no space left to store the original (${bytes.length} bytes) in ${originalsDir}`, {
        cause: err
      })
    }
    throw err
  }
  return { path: target, newFolder }
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Step 2: flushes an original and the folder entries naming it; resolves when they are durable. */
export async function makeOriginalDurable(originalsDir: string, written: WrittenOriginal): Promise<void> {
  await Promise.all([
    fsyncPath(written.path),
    fsyncPath(dirname(written.path)),
    written.newFolder ? fsyncPath(originalsDir) : undefined
  ])
}
