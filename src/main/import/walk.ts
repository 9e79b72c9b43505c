import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'

export interface WalkResult {
  files: string[]
  skipped: { path: string; reason: string }[]
}

/**
 * Expands files and folders into the files to import. Folders are walked recursively in a stable
 * order; hidden entries are skipped; a symlinked folder is followed once (loops are cut by
 * remembering real paths).
 */
export function collectFiles(paths: readonly string[]): WalkResult {
  const files: string[] = []
  const skipped: WalkResult['skipped'] = []
  const seenDirs = new Set<string>()
  const seenFiles = new Set<string>()

  const visit = (path: string, explicit: boolean): void => {
    if (!explicit && basename(path).startsWith('.')) return
    let stat
    try {
      stat = statSync(path)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ELOOP') skipped.push({ path, reason: 'symbolic link loop' })
      else if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) skipped.push({ path, reason: 'broken symbolic link' })
      else files.push(path) // let the reader report it as unreadable, with the system's reason
      return
    }
    if (stat.isDirectory()) {
      let real: string
      try {
        real = realpathSync(path)
      } catch {
        skipped.push({ path, reason: 'folder cannot be resolved' })
        return
      }
      if (seenDirs.has(real)) {
        skipped.push({ path, reason: 'folder already visited (symbolic link loop)' })
        return
      }
      seenDirs.add(real)
      let entries: string[]
      try {
        entries = readdirSync(path).sort()
      } catch (err) {
        skipped.push({ path, reason: `folder unreadable: ${(err as Error).message}` })
        return
      }
      for (const entry of entries) visit(join(path, entry), false)
    } else if (stat.isFile()) {
      const abs = resolve(path)
      if (!seenFiles.has(abs)) {
        seenFiles.add(abs)
        files.push(abs)
      }
    } else {
      skipped.push({ path, reason: 'not a regular file' })
    }
  }

  for (const p of paths) visit(resolve(p), true)
  return { files, skipped }
}
