/** Writes an export next to its destination and renames it into place, so a reader never sees half a file. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'

/** Replaces `target` with `content` atomically (same-directory temp file, fsync, rename). */
export function writeFileAtomic(target: string, content: string): string {
  const file = resolve(target)
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`)
  try {
    const fd = openSync(temp, 'wx')
    try {
      writeSync(fd, content)
      fsyncSync(fd)
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
