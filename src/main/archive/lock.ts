import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { AnnalistError } from '../../shared/errors'

interface LockInfo {
  pid: number
  host: string
  since: string
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM means the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>
    if (typeof info.pid !== 'number' || typeof info.host !== 'string') return null
    return { pid: info.pid, host: info.host, since: String(info.since ?? '') }
  } catch {
    return null
  }
}

/** A held single-writer lock; `release` is idempotent. */
export interface ArchiveLock {
  release(): void
}

/**
 * Takes the archive's write lock. A lock left by a dead process on this host (or an unreadable
 * one) is stale and replaced; a live holder gets a clear `archive-locked` error.
 */
export function acquireLock(file: string): ArchiveLock {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
      writeSync(fd, JSON.stringify(info))
      closeSync(fd)
      let released = false
      return {
        release() {
          if (released) return
          released = true
          const current = readLock(file)
          if (current && current.pid === process.pid) {
            try {
              unlinkSync(file)
            } catch {
              // Already gone: nothing to release.
            }
          }
        }
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const holder = readLock(file)
      const stale = !holder || (holder.host === hostname() && !alive(holder.pid))
      if (!stale) {
        throw new AnnalistError(
          'archive-locked',
          `archive is in use by PID ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`} (lock file ${file})`
        )
      }
      try {
        unlinkSync(file)
      } catch {
        // Another process removed the stale lock first; try again.
      }
    }
  }
  throw new AnnalistError('archive-locked', `could not take the archive lock ${file}`)
}
