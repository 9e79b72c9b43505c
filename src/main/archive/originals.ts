import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, fsyncSync, openSync, closeSync, unlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** sha256 hex of some bytes. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Where the original with this hash lives: `originals/ab/abcdef…`. */
export function originalPath(originalsDir: string, hash: string): string {
  return join(originalsDir, hash.slice(0, 2), hash)
}

/**
 * Stores bytes by hash, atomically (temp file, fsync, rename), before the database row that
 * points at them is committed. An original without a row is harmless and reused on re-import;
 * a row without its original would be loss.
 */
export function storeOriginal(originalsDir: string, bytes: Uint8Array, hash = sha256(bytes)): string {
  const target = originalPath(originalsDir, hash)
  if (existsSync(target)) return hash
  mkdirSync(dirname(target), { recursive: true })
  const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`
  try {
    writeFileSync(tmp, bytes)
    const fd = openSync(tmp, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, target)
  } catch (err) {
    // A partial temp file would waste the very space a full disk lacks.
    try {
      unlinkSync(tmp)
    } catch {
      // Never created.
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new Error(`disk full: no space left to store the original (${bytes.length} bytes) in ${originalsDir}`, { cause: err })
    }
    throw err
  }
  return hash
}

/** Reads an original's bytes back. */
export function readOriginal(originalsDir: string, hash: string): Buffer {
  return readFileSync(originalPath(originalsDir, hash))
}
