import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { isDiskFull, writeFileAtomic } from '../platform/atomic-write'

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
  try {
    writeFileAtomic(target, bytes)
  } catch (err) {
    if (isDiskFull(err)) {
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
