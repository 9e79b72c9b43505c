import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AnnalistError } from '../../shared/errors'
import { openArchive, type Archive } from '../archive/archive'
import { defaultArchiveDir } from '../archive/location'
import type { CliIO } from './command'
import { COMMANDS } from './commands'
import { EXIT, exitCodeOf } from './exit-codes'
import { parseCommandLine } from './program'

/** Runs the CLI with `argv` (without node and script) and returns the exit code (see EXIT). */
export async function runCli(argv: string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseCommandLine(argv, COMMANDS, io)
  if ('exit' in parsed) return parsed.exit
  const { spec, path, positionals, values } = parsed.invocation
  const archiveDir = (values.archive as string | undefined) ?? defaultArchiveDir(env)
  const opened: Archive[] = []
  const open = (): Archive => {
    const a = openArchive(archiveDir)
    opened.push(a)
    return a
  }
  try {
    const code = await spec.run!({
      positionals,
      values,
      io,
      archiveDir,
      openArchive: open,
      openArchiveReadonly: () => {
        // A fresh archive is created by a normal open; a locked one (the app is running) is read alongside.
        if (!existsSync(join(archiveDir, 'archive.sqlite'))) return open()
        try {
          return open()
        } catch (err) {
          if (!(err instanceof AnnalistError) || err.code !== 'archive-locked') throw err
          const a = openArchive(archiveDir, { readonly: true })
          opened.push(a)
          return a
        }
      }
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
