import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { AnnalistError } from '../../shared/errors'
import { processStartTime } from '../platform/proc'

interface LockInfo {
  pid: number
  host: string
  since: string
  /** Kernel start time of the holder (Linux), so a recycled PID is not mistaken for the holder. */
  started: string | null
  /** Distinguishes this lock from any other taken by the same PID. */
  token: string
}

/** An unparseable lock younger than this may be one being written by a process without link(). */
const UNREADABLE_GRACE_MS = 10_000

function alive(info: LockInfo): boolean {
  try {
    process.kill(info.pid, 0)
  } catch (err) {
    // EPERM means the process exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  if (info.started === null) return true
  const current = processStartTime(info.pid)
  return current === null || current === info.started
}

function parseLock(text: string): LockInfo | null {
  try {
    const info = JSON.parse(text) as Partial<LockInfo>
    if (typeof info.pid !== 'number' || typeof info.host !== 'string') return null
    return {
      pid: info.pid,
      host: info.host,
      since: String(info.since ?? ''),
      started: typeof info.started === 'string' ? info.started : null,
      token: String(info.token ?? '')
    }
  } catch {
    return null
  }
}

function readLockText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

function writeDurably(path: string, text: string, flags: string): void {
  const fd = openSync(path, flags)
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // Already gone.
  }
}

/**
 * Creates `file` with `text` only if it does not exist. The content is complete the moment the
 * name appears (written to a temp file, then hard-linked), so no other process ever reads a
 * half-written lock. Filesystems without hard links fall back to O_EXCL.
 */
function createExclusive(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  writeDurably(tmp, text, 'wx')
  try {
    linkSync(tmp, file)
    return true
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err
  } finally {
    tryUnlink(tmp)
  }
  try {
    writeDurably(file, text, 'wx')
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw err
  }
}

/**
 * Removes a stale lock without ever removing a live one that replaced it meanwhile: the lock is
 * renamed aside first and only deleted if it is still the exact lock judged stale.
 */
function breakStaleLock(file: string, staleText: string): void {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.stale`
  try {
    renameSync(file, aside)
  } catch {
    return // Someone else broke it first.
  }
  if (readLockText(aside) !== staleText) {
    // We moved a fresh lock taken by another process; put it back unless a third took the name.
    try {
      linkSync(aside, file)
    } catch {
      // The name is taken again; that holder wins.
    }
  }
  tryUnlink(aside)
}

/** A held single-writer lock; `release` is idempotent. */
export interface ArchiveLock {
  release(): void
}

/** Whether the lock in `file` is held by a live process (as far as this host can tell). */
function holderState(file: string, text: string | null): { stale: boolean; info: LockInfo | null } {
  const info = text === null ? null : parseLock(text)
  if (!info) {
    let age: number
    try {
      age = Date.now() - statSync(file).mtimeMs
    } catch {
      return { stale: true, info: null }
    }
    return { stale: age > UNREADABLE_GRACE_MS, info: null }
  }
  return { stale: info.host === hostname() && !alive(info), info }
}

/**
 * Takes the archive's write lock. A lock left by a dead process on this host (or an unreadable
 * one that is not being written right now) is stale and replaced; a live holder gets a clear
 * `archive-locked` error naming its PID.
 */
export function acquireLock(file: string): ArchiveLock {
  const mine: LockInfo = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    started: processStartTime(process.pid),
    token: randomBytes(8).toString('hex')
  }
  const text = JSON.stringify(mine)
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(file, text)) {
      let released = false
      return {
        release() {
          if (released) return
          released = true
          if (readLockText(file) === text) tryUnlink(file)
        }
      }
    }
    const holderText = readLockText(file)
    if (holderText === null) continue // Released between our attempt and the read.
    const { stale, info } = holderState(file, holderText)
    if (!stale) {
      if (!info) throw new AnnalistError('archive-locked', `archive is being opened by another process (lock file ${file})`)
      if (info.pid === process.pid && info.host === hostname()) {
        throw new AnnalistError('archive-locked', `archive is already open in this process (PID ${info.pid}, lock file ${file})`)
      }
      if (info.host !== hostname()) {
        // Another machine's process cannot be probed from here; only the user knows if it is gone.
        throw new AnnalistError(
          'archive-locked',
          `archive is in use by PID ${info.pid} on ${info.host} (lock file ${file}; if Annalist is no longer running there, delete that file)`
        )
      }
      throw new AnnalistError('archive-locked', `archive is in use by PID ${info.pid} (lock file ${file})`)
    }
    breakStaleLock(file, holderText)
  }
  throw new AnnalistError('archive-locked', `could not take the archive lock ${file}; another process keeps taking it`)
}

/**
 * Removes the lock in `file` when this process took it from a thread that has since died (a
 * crashed backend writer never ran its release). Only the one owner of writer threads may call
 * it, before it starts the next writer: no live thread of this process holds the lock then.
 */
export function breakLockOfDeadThread(file: string): void {
  const text = readLockText(file)
  const info = text === null ? null : parseLock(text)
  if (text !== null && info && info.pid === process.pid && info.host === hostname()) breakStaleLock(file, text)
}
