import { AnnalistError } from '../../shared/errors'
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
  const backends = spec.ownBackend ? null : (await import('./in-process')).inProcessBackends(archiveDir)
  try {
    const code = await spec.run!({
      positionals,
      values,
      io,
      archiveDir,
      backend: (access) => {
        if (!backends) throw new AnnalistError('internal', `annalist ${path.join(' ')} runs its own backend`)
        return backends.open(access)
      }
    })
    return code ?? EXIT.ok.code
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    io.err(`annalist ${path.join(' ')}: ${message.split('\n')[0]}\n`)
    return exitCodeOf(err)
  } finally {
    backends?.close()
  }
}
