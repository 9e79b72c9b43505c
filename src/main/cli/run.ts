import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AnnalistError } from '../../shared/errors'
import { buildClient } from '../../shared/client'
import { openArchive, type Archive } from '../archive/archive'
import { defaultArchiveDir } from '../archive/location'
import { createBackend, type Backend } from '../backend'
import type { ArchiveAccess, CliBackend, CliIO } from './command'
import { COMMANDS } from './commands'
import { EXIT, exitCodeOf } from './exit-codes'
import { parseCommandLine } from './program'

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

/** Runs the CLI with `argv` (without node and script) and returns the exit code (see EXIT). */
export async function runCli(argv: string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseCommandLine(argv, COMMANDS, io)
  if ('exit' in parsed) return parsed.exit
  const { spec, path, positionals, values } = parsed.invocation
  const archiveDir = (values.archive as string | undefined) ?? defaultArchiveDir(env)
  const opened: Archive[] = []
  const open = (access: ArchiveAccess): Archive => {
    const a = openFor(archiveDir, access)
    opened.push(a)
    return a
  }
  try {
    const code = await spec.run!({
      positionals,
      values,
      io,
      archiveDir,
      backend: (access) => contractOf(createBackend(open(access))),
      openArchive: () => open('write')
    })
    return code ?? EXIT.ok.code
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    io.err(`annalist ${path.join(' ')}: ${message.split('\n')[0]}\n`)
    return exitCodeOf(err)
  } finally {
    for (const a of opened) a.close()
  }
}
