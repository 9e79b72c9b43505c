import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../../src/main/cli/commands'
import { GLOBAL_OPTIONS, walkCommands } from '../../../src/main/cli/options'
import { tempDir } from '../../support/tmp'
import { cli } from './support'

const ALL = walkCommands(COMMANDS)

describe('generated help', () => {
  it('has a usage line for every declared command (snapshot of the command list)', async () => {
    const usages: string[] = []
    for (const { path } of ALL) {
      const { code, out, err } = await cli(['help', ...path])
      expect(code, path.join(' ')).toBe(0)
      expect(err).toBe('')
      usages.push(out.split('\n')[0]!)
    }
    expect(usages).toMatchSnapshot()
  })

  it('describes every option, argument and subcommand of each command, the same via help and --help', async () => {
    for (const { path, spec } of ALL) {
      const viaHelp = await cli(['help', ...path])
      const viaFlag = await cli([...path, '--help'])
      expect(viaFlag, path.join(' ')).toEqual(viaHelp)
      const text = viaHelp.out
      expect(text).toContain(`Usage: annalist ${path.join(' ')}`)
      expect(text).toContain(spec.summary.slice(0, 30))
      for (const o of spec.options ?? []) expect(text, `${path.join(' ')} --${o.name}`).toContain(`--${o.name}`)
      for (const a of spec.args ?? []) expect(text).toContain(`  ${a.name}`)
      for (const sub of spec.subcommands ?? []) expect(text).toMatch(new RegExp(`^  ${sub.name}[ |]`, 'm'))
      const printsJson = spec.json === true || spec.subcommands !== undefined
      for (const o of GLOBAL_OPTIONS) {
        if (o.name === 'json' && !printsJson) expect(text, path.join(' ')).not.toContain('--json')
        else expect(text).toContain(`--${o.name}`)
      }
    }
  })

  it('lists every top-level command in annalist --help and annalist help', async () => {
    const main = await cli(['--help'])
    expect(await cli(['help'])).toEqual(main)
    for (const spec of COMMANDS) expect(main.out).toMatch(new RegExp(`^  ${spec.name} `, 'm'))
  })
})

function hasShell(name: string): boolean {
  return spawnSync(name, ['-c', 'true']).status === 0
}

/** Runs the completion function on typed words (the last one being completed) and returns the offers. */
function complete(shell: 'bash' | 'zsh', script: string, words: string[]): string[] {
  const dir = tempDir()
  const file = join(dir, 'annalist-completion')
  writeFileSync(file, script)
  const quoted = words.map((w) => `'${w}'`).join(' ')
  // zsh's completion builtins are stood in for by functions that print what they were offered.
  const driver =
    shell === 'bash'
      ? `source ${file}\nCOMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _annalist; printf '%s\\n' "\${COMPREPLY[@]}"`
      : [
          'compdef() { :; }',
          "_describe() { local n=$4; printf '%s\\n' \"${(@)${(P)n}%%:*}\"; }",
          "_files() { print -r -- '<files>'; }",
          "compadd() { shift; printf '%s\\n' \"$@\"; }",
          "_message() { print -r -- '<value>'; }",
          `source ${file}`,
          `words=(${quoted}); CURRENT=${words.length}; _annalist`
        ].join('\n')
  return execFileSync(shell, ['-c', driver], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean)
}

describe.each(['bash', 'zsh'] as const)('annalist completion %s', (shell) => {
  it('prints a script naming every command, alias and option', async () => {
    const { code, out } = await cli(['completion', shell])
    expect(code).toBe(0)
    for (const { path, spec } of ALL) {
      for (const name of [spec.name, ...(spec.aliases ?? [])]) expect(out).toContain(`'annalist ${[...path.slice(0, -1), name].join(' ')}'`)
      for (const o of spec.options ?? []) expect(out).toContain(`--${o.name}`)
    }
  })

  it.skipIf(!hasShell(shell))('offers commands, subcommands, options and values as the words are typed', async () => {
    const script = (await cli(['completion', shell])).out
    expect(complete(shell, script, ['annalist', ''])).toEqual(COMMANDS.map((c) => c.name))
    const events = COMMANDS.find((c) => c.name === 'events')!
    expect(complete(shell, script, ['annalist', '--archive', '/tmp/a', 'events', ''])).toEqual(events.subcommands!.map((c) => c.name))
    expect(complete(shell, script, ['annalist', 'events', 'ls', '--'])).toEqual(expect.arrayContaining(['--chronology', '--from', '--archive', '--json']))
    expect(complete(shell, script, ['annalist', 'events', 'add', '--status', ''])).toEqual(['reported', 'confirmed', 'disputed', 'denied'])
    expect(complete(shell, script, ['annalist', 'help', ''])).toEqual(COMMANDS.map((c) => c.name))
    expect(complete(shell, script, ['annalist', 'completion', ''])).toEqual(['bash', 'zsh'])
    // --json is offered only where a command prints JSON.
    expect(complete(shell, script, ['annalist', 'backup', '--'])).not.toContain('--json')
  })
})
