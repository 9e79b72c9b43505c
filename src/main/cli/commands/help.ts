import type { CommandSpec } from '../command'

/**
 * `annalist help [command...]`: help for any command, nested ones too (`help events add`).
 * The parser layer answers it, since help text is generated from the parsed declarations.
 */
export const HELP_COMMAND: CommandSpec = {
  name: 'help',
  summary: 'Show help for a command',
  args: [{ name: 'command', description: 'the command (and subcommand) to explain', optional: true, variadic: true }]
}
