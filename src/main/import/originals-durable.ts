import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import { originalPath, storeOriginal } from '../archive/originals'

/**
 * Stores an original and makes it survive a power cut: the file is fsynced by storeOriginal,
 * and its folder is fsynced here so the rename itself is on disk before any row points at it.
 */
export function storeOriginalDurably(originalsDir: string, bytes: Uint8Array, hash: string): void {
  const target = originalPath(originalsDir, hash)
  if (existsSync(target)) return
  const folderIsNew = !existsSync(dirname(target))
  storeOriginal(originalsDir, bytes, hash)
  fsyncFolder(dirname(target))
  if (folderIsNew) fsyncFolder(originalsDir)
}

function fsyncFolder(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
