/** Files named on the command line: a text file read in, an output file written atomically. */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { AnnalistError, type ErrorCode } from '../../shared/errors'

/** An AnnalistError naming the file and the system's reason; a missing folder or file is `not-found`. */
function fileError(err: unknown, file: string, doing: string): AnnalistError {
  const errno = (err as NodeJS.ErrnoException).code
  const code: ErrorCode = errno === 'ENOENT' || errno === 'ENOTDIR' ? 'not-found' : errno === 'EISDIR' || errno === 'EEXIST' ? 'conflict' : 'internal'
  return new AnnalistError(code, `cannot ${doing} ${file}: ${(err as Error).message}`)
}

/** The UTF-8 content of `file`. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (err) {
    throw fileError(err, file, 'read')
  }
}

/** Replaces `target` with `content` atomically (same-directory temp file, fsync, rename), so a reader never sees half a file. */
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
    throw fileError(err, file, 'write')
  }
  return file
}
