import type { CommandSpec, OptionSpec } from './command'

/**
 * Options every command takes, before or after the command name (`annalist --archive D list`
 * and `annalist list --archive D` are the same). `help` and `version` are the parser's own flags,
 * declared here so help and completion describe them like the rest.
 */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'archive', value: 'dir', path: true, description: "archive folder (default: $ANNALIST_ARCHIVE, else the app's user-data folder)" },
  { name: 'json', description: 'print JSON instead of text (commands that have a JSON output)' },
  { name: 'help', short: 'h', description: 'show help (annalist help <command> for one command)' },
  { name: 'version', short: 'v', description: 'print the version' }
]

/** `-f, --format <format>` as the parser and help write it. */
export function optionFlags(o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` <${o.value}>` : ''}`
}

/** The arguments part of a usage line: `<id> [paths...]`. */
export function argsUsage(spec: CommandSpec): string {
  return (spec.args ?? []).map((a) => (a.optional ? `[${a.name}${a.variadic ? '...' : ''}]` : `<${a.name}${a.variadic ? '...' : ''}>`)).join(' ')
}

/** Every command in the tree with its path (`['events', 'add']`), parents before children. */
export function walkCommands(commands: readonly CommandSpec[], parent: string[] = []): { path: string[]; spec: CommandSpec }[] {
  return commands.flatMap((spec) => {
    const path = [...parent, spec.name]
    return [{ path, spec }, ...walkCommands(spec.subcommands ?? [], path)]
  })
}
