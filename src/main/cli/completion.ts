import type { CommandSpec, OptionSpec } from './command'
import { GLOBAL_OPTIONS, walkCommands } from './options'

/** What completion offers after one command path, all read from the declarations. */
interface Node {
  /** `annalist events add`: the words the script has seen, aliases resolved. */
  key: string
  names: string[]
  /** Words offered in place of a subcommand: subcommands, or the first argument's choices. */
  subcommands: { name: string; summary: string }[]
  options: OptionSpec[]
  files: boolean
}

function nodes(commands: readonly CommandSpec[]): Node[] {
  const globals = (spec: CommandSpec | undefined): OptionSpec[] =>
    GLOBAL_OPTIONS.filter((o) => o.name !== 'json' || spec === undefined || spec.json || spec.subcommands)
  const root: Node = {
    key: 'annalist',
    names: [],
    subcommands: commands.map((c) => ({ name: c.name, summary: c.summary })),
    options: globals(undefined),
    files: false
  }
  return [
    root,
    ...walkCommands(commands).map(({ path, spec }) => ({
      key: ['annalist', ...path].join(' '),
      names: [spec.name, ...(spec.aliases ?? [])],
      // `annalist help <command>` completes command names.
      subcommands: [
        ...(spec.name === 'help' && path.length === 1 ? commands : (spec.subcommands ?? [])).map((c) => ({ name: c.name, summary: c.summary })),
        ...(spec.args?.[0]?.choices ?? []).map((name) => ({ name, summary: spec.args![0]!.description }))
      ],
      options: [...(spec.options ?? []), ...globals(spec)],
      files: (spec.args ?? []).some((a) => a.path)
    }))
  ]
}

function parentKey(key: string): string {
  return key.slice(0, key.lastIndexOf(' '))
}

function valueOptions(all: Node[]): string[] {
  const flags = all.flatMap((n) => n.options.filter((o) => o.value).flatMap((o) => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]))
  return [...new Set(flags)]
}

/** Shell single quotes around anything. */
function q(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}

/** Case arms answering the word after a value option: its choices, paths, or nothing to offer. */
function valueArms(all: Node[], choices: (o: OptionSpec) => string, paths: string, free: string): string[] {
  return all.flatMap((n) =>
    n.options
      .filter((o) => o.value)
      .map((o) => `    ${q(`${n.key} --${o.name}`)}${o.short ? `|${q(`${n.key} -${o.short}`)}` : ''}) ${o.choices ? choices(o) : o.path ? paths : free}; return ;;`)
  )
}

/** Walks the typed words to the deepest command named, skipping options and their values. */
function walker(all: Node[], first: string, last: string, word: string): string[] {
  const steps = all
    .filter((n) => n.names.length)
    .map((n) => `      ${n.names.map((name) => q(`${parentKey(n.key)} ${name}`)).join('|')}) cmd=${q(n.key)} ;;`)
  return [
    `  local cmd=annalist i w`,
    `  for ((i = ${first}; i < ${last}; i++)); do`,
    `    w=${word}`,
    `    case "$w" in`,
    `      ${valueOptions(all).join('|')}) ((i++)); continue ;;`,
    `      -*) continue ;;`,
    `    esac`,
    `    case "$cmd $w" in`,
    ...steps,
    `    esac`,
    `  done`
  ]
}

/** A bash completion script for the declared commands (`complete -F _annalist annalist`). */
export function bashCompletion(commands: readonly CommandSpec[]): string {
  const all = nodes(commands)
  const flags = (n: Node): string => n.options.map((o) => `--${o.name}`).join(' ')
  return [
    '# bash completion for annalist, generated from its command declarations by `annalist completion bash`.',
    '_annalist() {',
    '  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}',
    ...walker(all, '1', 'COMP_CWORD', '${COMP_WORDS[i]}'),
    '  case "$cmd $prev" in',
    ...valueArms(
      all,
      (o) => `COMPREPLY=($(compgen -W ${q(o.choices!.join(' '))} -- "$cur"))`,
      'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))',
      'COMPREPLY=()'
    ),
    '  esac',
    '  local words="" opts="" files=0',
    '  case "$cmd" in',
    ...all.map((n) => `    ${q(n.key)}) words=${q(n.subcommands.map((s) => s.name).join(' '))}; opts=${q(flags(n))}; files=${n.files ? 1 : 0} ;;`),
    '  esac',
    '  if [[ $cur == -* ]]; then',
    '    COMPREPLY=($(compgen -W "$opts" -- "$cur"))',
    '  else',
    '    COMPREPLY=($(compgen -W "$words" -- "$cur"))',
    '    if ((files)); then compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -f -- "$cur")); fi',
    '  fi',
    '}',
    'complete -F _annalist annalist',
    ''
  ].join('\n')
}

/** `name:description` for zsh's _describe, colons in the name escaped. */
function described(name: string, description: string): string {
  return q(`${name.replace(/:/g, '\\:')}:${description}`)
}

/** A zsh completion script: put it on $fpath as `_annalist`, or source it after compinit. */
export function zshCompletion(commands: readonly CommandSpec[]): string {
  const all = nodes(commands)
  return [
    '#compdef annalist',
    '# zsh completion for annalist, generated from its command declarations by `annalist completion zsh`.',
    '_annalist() {',
    ...walker(all, '2', 'CURRENT', '${words[i]}'),
    '  local prev=${words[CURRENT-1]}',
    '  case "$cmd $prev" in',
    ...valueArms(all, (o) => `compadd -- ${o.choices!.map(q).join(' ')}`, '_files', "_message 'value'"),
    '  esac',
    '  local -a cands opts',
    '  local files=0',
    '  case "$cmd" in',
    ...all.map(
      (n) =>
        `    ${q(n.key)}) cands=(${n.subcommands.map((s) => described(s.name, s.summary)).join(' ')}); opts=(${n.options
          .map((o) => described(`--${o.name}`, o.description))
          .join(' ')}); files=${n.files ? 1 : 0} ;;`
    ),
    '  esac',
    '  if [[ ${words[CURRENT]} == -* ]]; then',
    "    _describe -t options 'option' opts",
    '  else',
    "    (( ${#cands} )) && _describe -t commands 'command' cands",
    '    (( files )) && _files',
    '  fi',
    '  return 0',
    '}',
    'if [[ $zsh_eval_context[-1] == loadautofunc ]]; then',
    '  _annalist "$@"',
    'else',
    '  compdef _annalist annalist',
    'fi',
    ''
  ].join('\n')
}
