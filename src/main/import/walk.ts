import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs'
import { resolve, sep } from 'node:path'

/** A file to import: its path for display, and its raw bytes when the name is not valid UTF-8. */
export interface WalkedFile {
  path: string
  /** Size when listed (an estimate: the reader counts what it really reads). */
  size: number
  /** The exact path to open, when `path` (with U+FFFD for undecodable bytes) would not find it. */
  raw?: Buffer
}

export interface WalkResult {
  files: WalkedFile[]
  skipped: { path: string; reason: string }[]
}

/**
 * Kernel views of the running system: never article material, and their "regular files" may
 * never end when read. (Devices under /dev are refused by type; /dev/shm holds ordinary files.)
 */
const SYSTEM_ROOTS = ['/proc', '/sys']

function isSystemPath(real: string): boolean {
  return process.platform !== 'win32' && SYSTEM_ROOTS.some((root) => real === root || real.startsWith(root + sep))
}

function inside(real: string, roots: readonly string[]): boolean {
  return roots.some((root) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep))
}

function special(stat: Stats): string {
  if (stat.isFIFO()) return 'named pipe'
  if (stat.isSocket()) return 'socket'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device'
  return 'special file'
}

const SEP_BYTE = sep.charCodeAt(0)

function display(raw: Buffer): string {
  return raw.toString('utf8')
}

/**
 * Expands files and folders into the files to import, staying inside what the user chose.
 * Folders are walked recursively in a stable order. Everything left out is reported with its
 * reason: hidden entries, special files (pipes, sockets, devices), /proc and /sys, and
 * symbolic links whose target leaves the chosen folders (a link to `..` would otherwise walk the
 * parent). Links that stay inside are followed once (loops are cut by remembering real paths).
 * Names that are not valid UTF-8 are kept as raw bytes for opening.
 */
export function collectFiles(paths: readonly string[]): WalkResult {
  const files: WalkedFile[] = []
  const skipped: WalkResult['skipped'] = []
  const seenDirs = new Set<string>()
  const seenFiles = new Map<string, string>()
  const skip = (path: Buffer, reason: string): void => void skipped.push({ path: display(path), reason })
  // The real paths of the chosen folders (and of the chosen files' own paths): links may point
  // anywhere inside them.
  const roots: string[] = []
  for (const p of paths) {
    try {
      roots.push(realpathSync(resolve(p)))
    } catch {
      // Reported when visited.
    }
  }

  // `realParent`: the real path of the folder being walked, so only links (and the chosen paths
  // themselves) need resolving; a plain entry's real path is its folder's plus its name. Real
  // paths stay bytes: two names that differ only in bytes that are not UTF-8 must not meet.
  const visit = (path: Buffer, explicit: boolean, name: Buffer, realParent: Buffer | null): void => {
    if (!explicit && name[0] === 0x2e) return skip(path, 'hidden')
    let link: Stats
    try {
      link = lstatSync(path)
    } catch {
      // Gone or forbidden: the reader reports it as unreadable, with the system's reason.
      return void files.push(entry(path, 0))
    }
    let realRaw: Buffer
    if (realParent !== null && !link.isSymbolicLink()) realRaw = Buffer.concat([realParent, realParent.at(-1) === SEP_BYTE ? Buffer.alloc(0) : Buffer.from(sep), name])
    else {
      try {
        realRaw = realpathSync.native(path, { encoding: 'buffer' })
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code
        return skip(path, code === 'ELOOP' ? 'symbolic link loop' : link.isSymbolicLink() ? 'broken symbolic link' : 'cannot be resolved')
      }
    }
    const real = display(realRaw)
    const key = realRaw.toString('latin1')
    if (isSystemPath(real)) return skip(path, `system file (${real}), never imported`)
    if (link.isSymbolicLink() && !explicit && !inside(real, roots)) {
      return skip(path, `symbolic link to ${real}, outside the chosen folders`)
    }
    let stat = link
    if (link.isSymbolicLink()) {
      try {
        stat = statSync(path)
      } catch {
        return skip(path, 'cannot be resolved')
      }
    }
    if (stat.isDirectory()) {
      if (seenDirs.has(key)) return skip(path, 'folder already visited (symbolic link loop)')
      seenDirs.add(key)
      let names: Buffer[]
      try {
        names = readdirSync(path, { encoding: 'buffer' }).sort(Buffer.compare)
      } catch (err) {
        return skip(path, `folder unreadable: ${(err as Error).message}`)
      }
      const prefix = path.at(-1) === SEP_BYTE ? path : Buffer.concat([path, Buffer.from(sep)])
      for (const child of names) visit(Buffer.concat([prefix, child]), false, child, realRaw)
    } else if (stat.isFile()) {
      const first = seenFiles.get(key)
      if (first !== undefined) return skip(path, `same file as ${first}`)
      const file = entry(path, stat.size)
      seenFiles.set(key, file.path)
      files.push(file)
    } else {
      skip(path, `not a regular file (${special(stat)})`)
    }
  }

  for (const p of paths) {
    const abs = Buffer.from(resolve(p))
    visit(abs, true, abs, null)
  }
  return { files, skipped }
}

function entry(path: Buffer, size: number): WalkedFile {
  const shown = display(path)
  return Buffer.from(shown).equals(path) ? { path: shown, size } : { path: shown, size, raw: path }
}
