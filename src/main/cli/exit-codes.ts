import { AnnalistError } from '../../shared/errors'

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

/** A command line the parser accepted but the command cannot use (exit 2, like the parser's own errors). */
export class UsageError extends Error {
  readonly code = 'usage'
}

/** The exit code for an error thrown while a command ran. */
export function exitCodeOf(err: unknown): number {
  if (err instanceof UsageError) return EXIT.usage.code
  if (err instanceof AnnalistError && err.code === 'archive-locked') return EXIT.locked.code
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
