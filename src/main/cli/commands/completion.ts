import type { CommandSpec } from '../command'
import { bashCompletion, zshCompletion } from '../completion'
import { UsageError } from '../exit-codes'

const SHELLS = { bash: bashCompletion, zsh: zshCompletion } as const

/** `annalist completion bash|zsh`: a completion script built from `commands()`, the same declarations the parser uses. */
export function completionCommand(commands: () => readonly CommandSpec[]): CommandSpec {
  return {
    name: 'completion',
    summary: 'Print a shell completion script (bash or zsh)',
    args: [{ name: 'shell', description: Object.keys(SHELLS).join(' or '), choices: Object.keys(SHELLS) }],
    note: [
      'Install:',
      '  bash: annalist completion bash > ~/.local/share/bash-completion/completions/annalist',
      '  zsh:  annalist completion zsh > ~/.zfunc/_annalist, with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc'
    ].join('\n'),
    async run(ctx) {
      const shell = ctx.positionals[0]
      if (shell === undefined || !Object.hasOwn(SHELLS, shell)) throw new UsageError(`completion needs a shell: ${Object.keys(SHELLS).join(' or ')}`)
      ctx.io.out(SHELLS[shell as keyof typeof SHELLS](commands()))
    }
  }
}
