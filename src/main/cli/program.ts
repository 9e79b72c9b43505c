import { Command as Parser, CommanderError, Help, InvalidArgumentError, Option } from 'commander'
import { AnnalistError } from '../../shared/errors'
import { APP_VERSION } from '../version'
import type { CliIO, CommandSpec, OptionSpec, OptionValues } from './command'
import { HELP_COMMAND } from './commands/help'
import { EXIT, exitCodeLines, UsageError } from './exit-codes'
import { argsUsage, GLOBAL_OPTIONS, optionFlags } from './options'

/** A command line the parser accepted: which command to run and with what. */
export interface Invocation {
  spec: CommandSpec
  path: string[]
  positionals: string[]
  values: OptionValues
}

export type ParseResult = { invocation: Invocation } | { exit: number }

/** A parser exit (help shown, version, or a rejected command line) and the command it happened in. */
class ParserExit extends AnnalistError {
  constructor(
    readonly inner: CommanderError,
    readonly path: string[]
  ) {
    super('invalid-argument', inner.message)
  }
}

function usageLine(spec: CommandSpec): string {
  if (spec.subcommands) return '<command> [options]'
  return ['[options]', argsUsage(spec)].filter(Boolean).join(' ')
}

function describe(o: OptionSpec): string {
  const extras = [o.choices ? `one of: ${o.choices.join(', ')}` : '', o.repeat ? 'repeatable' : ''].filter(Boolean)
  return extras.length ? `${o.description} (${extras.join('; ')})` : o.description
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value]

function once(flag: string) {
  return (value: string, previous: string | undefined): string => {
    if (previous !== undefined) throw new InvalidArgumentError(`${flag} may be given only once`)
    return value
  }
}

function toOption(o: OptionSpec): Option {
  const option = new Option(optionFlags(o), describe(o))
  if (o.value && o.repeat) option.argParser(collect)
  else if (o.value) option.argParser(once(`--${o.name}`))
  return option
}

/** The command's own option values, keyed by long name as declared (`text-file`, `no-quotes`). */
function valuesOf(parser: Parser, spec: CommandSpec): OptionValues {
  const values: OptionValues = {}
  for (const o of spec.options ?? []) {
    const option = parser.options.find((p) => p.long === `--${o.name}`)!
    const value = parser.getOptionValue(option.attributeName()) as string | boolean | string[] | undefined
    // `--no-quotes` is stored by the parser as quotes=false; commands read it as given.
    values[o.name] = option.negate ? (value === false ? true : undefined) : value
  }
  return values
}

function epilogue(width: number): string {
  return [
    '',
    'Global options may come before or after the command.',
    'Help for one command: annalist help <command> [subcommand], or annalist <command> --help.',
    'Shell completion: annalist completion bash|zsh (see the README).',
    '',
    'Exit codes:',
    ...exitCodeLines(width)
  ].join('\n')
}

/** Commands that print no JSON: their help does not offer the global --json. */
const NO_JSON = new WeakSet<Parser>()

function addCommand(parent: Parser, spec: CommandSpec, path: string[], found: (inv: Invocation) => void): Parser {
  const parser = parent.command(spec.name, { isDefault: spec.isDefault })
  if (!spec.json && !spec.subcommands) NO_JSON.add(parser)
  parser.description(spec.summary).usage(usageLine(spec))
  if (spec.aliases) parser.aliases(spec.aliases)
  // Arguments are checked by the command with messages that show an example; the parser only lists them.
  for (const a of spec.args ?? []) parser.argument(`[${a.name}${a.variadic ? '...' : ''}]`, a.description)
  for (const o of spec.options ?? []) parser.addOption(toOption(o))
  if (spec.note) parser.addHelpText('after', `\n${spec.note}`)
  parser.exitOverride((err) => {
    throw new ParserExit(err, path)
  })
  parser.allowExcessArguments(true)
  if (spec.subcommands) {
    parser.helpCommand(false)
    for (const sub of spec.subcommands) addCommand(parser, sub, [...path, sub.name], found)
  } else {
    parser.action(() => {
      // The default subcommand also receives a mistyped one (`chronology craete`): refuse it as unknown.
      if (spec.isDefault && !spec.args?.length && parser.args.length) {
        throw new ParserExit(new CommanderError(EXIT.usage.code, 'commander.unknownCommand', `unknown command '${parser.args[0]}'`), path.slice(0, -1))
      }
      found({ spec, path, positionals: [...parser.args], values: valuesOf(parser, spec) })
    })
  }
  return parser
}

function findParser(root: Parser, path: string[]): Parser | undefined {
  let at: Parser | undefined = root
  for (const name of path) at = at?.commands.find((c) => c.name() === name || c.aliases().includes(name))
  return at
}

/** The parser for `commands`, writing help to `io`; `found` receives the command line to run. */
function buildParser(commands: readonly CommandSpec[], io: CliIO, found: (inv: Invocation) => void): Parser {
  const program = new Parser('annalist')
  program
    .description(`annalist ${APP_VERSION} — offline news archive and chronology workbench`)
    .usage('[global options] <command> [options]')
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: () => {},
      getOutHelpWidth: () => io.columns ?? 100,
      getErrHelpWidth: () => io.columns ?? 100,
      getOutHasColors: () => false,
      getErrHasColors: () => false
    })
    .configureHelp({
      showGlobalOptions: true,
      visibleGlobalOptions(this: Help, cmd) {
        return Help.prototype.visibleGlobalOptions.call(this, cmd).filter((o) => o.long !== '--json' || !NO_JSON.has(cmd))
      },
      subcommandTerm: (cmd) => [cmd.name(), ...cmd.aliases()].join('|') + ` ${cmd.usage()}`.trimEnd()
    })
    .helpCommand(false)
    .exitOverride((err) => {
      throw new ParserExit(err, [])
    })
  for (const o of GLOBAL_OPTIONS) {
    if (o.name === 'help') program.helpOption(optionFlags(o), o.description)
    else if (o.name === 'version') program.version(APP_VERSION, optionFlags(o), o.description)
    else program.addOption(toOption(o))
  }
  program.addHelpText('after', epilogue(io.columns ?? 100))
  for (const spec of commands) addCommand(program, spec, [spec.name], found)
  return program
}

/** One line naming the command and the parser's reason, e.g. `annalist list: [unknown-option] …`. */
function errorLine(exit: ParserExit | UsageError, path: string[]): string {
  const reason = exit instanceof ParserExit ? exit.inner.code.replace(/^commander\./, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) : 'usage'
  const message = exit.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')
  const where = ['annalist', ...path].join(' ')
  return `${where}: [${reason}] ${message} (see annalist help${path.length ? ` ${path.join(' ')}` : ''})\n`
}

/**
 * Parses `argv` against the command declarations: either the command to run, or the exit code
 * after help, the version, or a one-line usage error on stderr were written.
 */
export function parseCommandLine(argv: string[], commands: readonly CommandSpec[], io: CliIO): ParseResult {
  let invocation: Invocation | undefined
  const program = buildParser(commands, io, (inv) => {
    invocation = inv
  })
  try {
    if (argv.length === 0) {
      io.err(program.helpInformation())
      return { exit: EXIT.usage.code }
    }
    program.parse(argv, { from: 'user' })
  } catch (err) {
    if (!(err instanceof ParserExit)) throw err
    const { code } = err.inner
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return { exit: EXIT.ok.code }
    // A group named without a subcommand (`annalist events`): its help went to stderr.
    if (code === 'commander.help') return { exit: EXIT.usage.code }
    io.err(errorLine(err, err.path))
    return { exit: EXIT.usage.code }
  }
  if (!invocation) throw new AnnalistError('internal', 'the parser accepted the command line but chose no command')
  const globals = program.opts<{ archive?: string; json?: boolean }>()
  const { spec, path } = invocation
  if (spec === HELP_COMMAND) {
    const target = findParser(program, invocation.positionals)
    if (!target) {
      io.err(errorLine(new UsageError(`no command "${invocation.positionals.join(' ')}"`), []))
      return { exit: EXIT.usage.code }
    }
    target.outputHelp()
    return { exit: EXIT.ok.code }
  }
  if (globals.json && !spec.json) {
    io.err(errorLine(new UsageError(`${path.join(' ')} has no JSON output`), path))
    return { exit: EXIT.usage.code }
  }
  invocation.values = { ...invocation.values, archive: globals.archive, json: globals.json }
  return { invocation }
}
