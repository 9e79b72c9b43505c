import type { ParseArgsOptionsConfig } from 'node:util'
import type { Archive } from '../archive/archive'

/** Where a command writes; tests capture these. */
export interface CliIO {
  out(text: string): void
  err(text: string): void
  /** True when stdout is a terminal (progress bars only then). */
  isTTY: boolean
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>

export interface CommandContext {
  positionals: string[]
  values: OptionValues
  io: CliIO
  /** The archive directory from --archive, ANNALIST_ARCHIVE or the default. */
  archiveDir: string
  /** Opens the archive for writing (takes the single-writer lock). Closed by the runner. */
  openArchive(): Archive
  /** Opens the archive without the lock, for commands that only read. Closed by the runner. */
  openArchiveReadonly(): Archive
}

/** One CLI command; subcommands (`events add`) are read from `positionals`. */
export interface Command {
  name: string
  summary: string
  /** Usage lines shown by `annalist <name> --help`. */
  usage: string
  options?: ParseArgsOptionsConfig
  /** Returns the exit code (0 when omitted). */
  run(ctx: CommandContext): Promise<number | void>
}

/** Prints a value as pretty JSON. */
export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n')
}
