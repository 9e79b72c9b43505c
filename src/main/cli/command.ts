import type { Archive } from '../archive/archive'

/** Where a command writes; tests capture these. */
export interface CliIO {
  out(text: string): void
  err(text: string): void
  /** True when stdout is a terminal (highlighting in search results). */
  isTTY: boolean
  /** True when stderr is a terminal: progress bars are drawn only then. Absent means not a terminal. */
  errIsTTY?: boolean
  /** Width for help text; 100 when absent. */
  columns?: number
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>

/** One option of a command, declared once: parsing, help and shell completion are derived from it. */
export interface OptionSpec {
  /** Long name without dashes: `title` is given as `--title`. A `no-` prefix makes a flag (`--no-quotes`). */
  name: string
  short?: string
  /** Shown in help as `--title <value>`; absent for a flag. */
  value?: string
  description: string
  /** May be given more than once (`--tag a --tag b`); the command sees a list. Other options may be given once. */
  repeat?: boolean
  /** Values offered by completion and listed in help; the command itself checks the value. */
  choices?: readonly string[]
  /** The value names a file or folder, so completion offers paths. */
  path?: boolean
}

/** One positional argument, for help and completion; the command checks it itself. */
export interface ArgSpec {
  name: string
  description: string
  optional?: boolean
  variadic?: boolean
  path?: boolean
  /** Values offered by completion (`bash`, `zsh`). */
  choices?: readonly string[]
}

export interface CommandContext {
  positionals: string[]
  /** The command's options by long name, plus the global `archive` and `json`. */
  values: OptionValues
  io: CliIO
  /** The archive directory from --archive, ANNALIST_ARCHIVE or the default. */
  archiveDir: string
  /** Opens the archive for writing (takes the single-writer lock). Closed by the runner. */
  openArchive(): Archive
  /** Opens the archive without the lock, for commands that only read. Closed by the runner. */
  openArchiveReadonly(): Archive
}

/** One CLI command: either it runs, or it groups subcommands (`events add`). */
export interface CommandSpec {
  name: string
  aliases?: readonly string[]
  summary: string
  args?: readonly ArgSpec[]
  options?: readonly OptionSpec[]
  /** The command can print JSON with the global --json; elsewhere --json is a usage error. */
  json?: boolean
  /** Extra lines at the end of the command's help. */
  note?: string
  /** The subcommand run when none is named (`chronology` lists). */
  isDefault?: boolean
  subcommands?: readonly CommandSpec[]
  /** Returns the exit code (0 when omitted). */
  run?(ctx: CommandContext): Promise<number | void>
}

/** Prints a value as pretty JSON. */
export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n')
}
