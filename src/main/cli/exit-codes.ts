import { AnnalistError, type ErrorCode } from '../../shared/errors'

/** Every exit code the CLI uses; `annalist --help` and the README print this table. */
export const EXIT = {
  ok: { code: 0, meaning: 'done' },
  failed: {
    code: 1,
    meaning: 'the command failed or found problems (an error, an unhealthy check, a backup missing originals, an import where nothing was added and files failed)'
  },
  usage: {
    code: 2,
    meaning: 'the command line was not understood: unknown command or option, an option without its value or given twice, --json where there is none, no command'
  },
  locked: {
    code: 3,
    meaning: 'the archive is in use by another process (the app or another command) for a command that writes; try again when it is closed'
  },
  interrupted: { code: 130, meaning: 'stopped with Ctrl-C (a second Ctrl-C during an import)' }
} as const

type ExitName = keyof typeof EXIT

/** The exit of each error code; a new code must be placed here to compile. */
const EXIT_OF_CODE: Record<ErrorCode, ExitName> = {
  'invalid-argument': 'failed',
  'not-found': 'failed',
  conflict: 'failed',
  'archive-locked': 'locked',
  'archive-too-new': 'failed',
  'archive-invalid': 'failed',
  'forbidden-path': 'failed',
  unauthorized: 'failed',
  'payload-too-large': 'failed',
  'too-many-requests': 'failed',
  cancelled: 'interrupted',
  // A backend thread died under the call (the app's host); not a Ctrl-C.
  interrupted: 'failed',
  'connection-lost': 'failed',
  internal: 'failed'
}

/**
 * A command line the parser accepted but the command cannot use, shown like the parser's own
 * errors (exit 2). Its code stays `invalid-argument`; `usage` marks it as the command line's fault.
 */
export class UsageError extends AnnalistError {
  readonly usage = true

  constructor(message: string) {
    super('invalid-argument', message)
    this.name = 'UsageError'
  }
}

/** The exit code for an error thrown while a command ran. */
export function exitCodeOf(err: unknown): number {
  if (err instanceof UsageError) return EXIT.usage.code
  if (err instanceof AnnalistError) return EXIT[EXIT_OF_CODE[err.code]].code
  return EXIT.failed.code
}

/** The exit-code table as help text lines, meanings wrapped to `width`. */
export function exitCodeLines(width = 100): string[] {
  const indent = 7
  return Object.values(EXIT).flatMap((e) => {
    const lines: string[] = []
    for (const word of e.meaning.split(' ')) {
      const last = lines.length - 1
      if (last >= 0 && indent + lines[last]!.length + 1 + word.length <= width) lines[last] += ` ${word}`
      else lines.push(word)
    }
    return lines.map((line, i) => (i === 0 ? `  ${String(e.code).padStart(3)}  ` : ' '.repeat(indent)) + line)
  })
}
