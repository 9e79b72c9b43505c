import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'
import { AnnalistError } from '../../shared/errors'
import { openArchive, type Archive } from '../archive/archive'
import { defaultArchiveDir } from '../archive/location'
import { APP_VERSION } from '../version'
import type { CliIO, Command } from './command'
import { COMMANDS } from './commands'

const GLOBAL_OPTIONS: ParseArgsOptionsConfig = {
  archive: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    `annalist ${APP_VERSION} — offline news archive and chronology workbench`,
    '',
    'Usage: annalist <command> [options] [--archive DIR]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --archive DIR  archive folder (default: $ANNALIST_ARCHIVE or the app\'s user-data folder)',
    '  --help, -h     help for a command: annalist <command> --help',
    '  --version      print the version',
    ''
  ].join('\n')
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp())
    return name === undefined ? 1 : 0
  }
  if (name === '--version' || name === '-v') {
    io.out(`${APP_VERSION}\n`)
    return 0
  }
  const command: Command | undefined = COMMANDS.find((c) => c.name === name)
  if (!command) {
    io.err(`annalist: unknown command "${name}" (see annalist --help)\n`)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true
    })
  } catch (err) {
    io.err(`annalist ${name}: ${(err as Error).message}\n${command.usage}\n`)
    return 2
  }
  if (parsed.values.help) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}\n`)
    return 0
  }
  const archiveDir = (parsed.values.archive as string | undefined) ?? defaultArchiveDir(env)
  const opened: Archive[] = []
  const open = (): Archive => {
    const a = openArchive(archiveDir)
    opened.push(a)
    return a
  }
  try {
    const code = await command.run({
      positionals: parsed.positionals,
      values: parsed.values,
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
    return code ?? 0
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    io.err(`annalist ${name}: ${message.split('\n')[0]}\n`)
    return 1
  } finally {
    for (const a of opened) a.close()
  }
}
