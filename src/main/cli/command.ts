import type { AnnalistClient } from '../../shared/api'

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
  /** The backend over the archive, opened as `access` says; closed by the runner. None for a command with `ownBackend`. */
  backend(access: ArchiveAccess): CliBackend
}

/**
 * How a command opens the archive:
 * - `write` takes the single-writer lock (exit 3 while the app holds it), creating or upgrading the archive;
 * - `read` does the same when the lock is free, and otherwise reads beside the holder, read-only;
 * - `inspect` only ever reads (no lock, no creation, no upgrade), for check and backup, which must
 *   leave what they examine as it is.
 */
export type ArchiveAccess = 'write' | 'read' | 'inspect'

/** The contract as the CLI uses it: the same validated calls every transport makes. */
export interface CliBackend {
  /** Every API method; failures are AnnalistErrors with codes. Methods that write are refused on a read-only archive. */
  readonly api: AnnalistClient
  /** True when the archive was opened read-only beside another process holding it. */
  readonly readonly: boolean
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
  /** The command starts a backend of its own (`serve`, in worker threads): the runner loads none in this thread. */
  ownBackend?: boolean
  /** Returns the exit code (0 when omitted). */
  run?(ctx: CommandContext): Promise<number | void>
}

/** Prints a value as pretty JSON. */
export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n')
}
