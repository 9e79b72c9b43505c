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
import { SearchUpkeep } from '../host/search-upkeep'
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
function contractOf(backend: Backend, upkeep: SearchUpkeep | null): CliBackend {
  return {
    api: buildClient(
      async (method, arg) => {
        const envelope = await backend.invoke(method, arg)
        upkeep?.schedule()
        return envelope
      },
      (event, listener) => backend.on(event, listener)
    ),
    readonly: backend.archive.readonly
  }
}

/**
 * Opens backends over the archive in `archiveDir`; `close` closes every archive they opened.
 * A writable one keeps its search vocabulary as the app's backend host does (SearchUpkeep:
 * drained during an import and after each call), and drains what is still queued before closing:
 * otherwise a large import left the queue to the next start, which rebuilt the vocabulary whole.
 */
export function inProcessBackends(archiveDir: string): { open(access: ArchiveAccess): CliBackend; close(): void } {
  const opened: { archive: Archive; upkeep: SearchUpkeep | null }[] = []
  return {
    open(access) {
      const archive = openFor(archiveDir, access)
      const backend = createBackend(archive)
      const upkeep = archive.readonly ? null : new SearchUpkeep(() => archive)
      if (upkeep) backend.on('importProgress', (progress) => upkeep.importProgressed(progress))
      opened.push({ archive, upkeep })
      return contractOf(backend, upkeep)
    },
    close() {
      for (const { archive, upkeep } of opened) {
        upkeep?.flush()
        archive.close()
      }
    }
  }
}
