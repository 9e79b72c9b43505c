/**
 * The backend most commands run in the CLI's own thread, over the archive opened as each asks.
 * Loaded only by the commands that use it: `serve` runs the backend in worker threads, and
 * loading the whole backend here first delayed starting them.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AnnalistError } from '../../shared/errors'
import { buildClient } from '../../shared/client'
import { openArchive, type Archive } from '../archive/archive'
import { createBackend, type Backend } from '../backend'
import type { ArchiveAccess, CliBackend } from './command'

/** Opens the archive folder as `access` says (see ArchiveAccess). */
function openFor(archiveDir: string, access: ArchiveAccess): Archive {
  const exists = existsSync(join(archiveDir, 'archive.sqlite'))
  if (access === 'inspect') {
    if (!exists) throw new AnnalistError('not-found', `no archive at ${resolve(archiveDir)} (archive.sqlite is missing)`)
    return openArchive(archiveDir, { readonly: true })
  }
  // A fresh archive is created by a normal open; a locked one (the app is running) is read alongside.
  if (access === 'write' || !exists) return openArchive(archiveDir)
  try {
    return openArchive(archiveDir)
  } catch (err) {
    if (!(err instanceof AnnalistError) || err.code !== 'archive-locked') throw err
    return openArchive(archiveDir, { readonly: true })
  }
}

/**
 * The contract over a backend, called the way IPC and HTTP call it: every argument validated by
 * its schema, every failure an AnnalistError.
 */
function contractOf(backend: Backend): CliBackend {
  return {
    api: buildClient(
      (method, arg) => backend.invoke(method, arg),
      (event, listener) => backend.on(event, listener)
    ),
    readonly: backend.archive.readonly
  }
}

/** Opens backends over the archive in `archiveDir`; `close` closes every archive they opened. */
export function inProcessBackends(archiveDir: string): { open(access: ArchiveAccess): CliBackend; close(): void } {
  const opened: Archive[] = []
  return {
    open(access) {
      const archive = openFor(archiveDir, access)
      opened.push(archive)
      return contractOf(createBackend(archive))
    },
    close() {
      for (const a of opened) a.close()
    }
  }
}
