import { AnnalistError } from '../../../shared/errors'
import { text } from '../args'
import { printJson, type CommandContext, type CommandSpec } from '../command'

function need(ctx: CommandContext, at: number, usage: string, what: string): string {
  const v = ctx.positionals[at]
  if (!v) throw new AnnalistError('invalid-argument', `chronology ${usage} needs ${what}`)
  return v
}

const NAME = { name: 'name', description: 'the chronology name (as listed)' }

/** `annalist chronology …`: list, create, rename and delete chronologies. */
export const chronologyCommand: CommandSpec = {
  name: 'chronology',
  summary: 'Chronologies: list, create, rename, rm',
  subcommands: [
    {
      name: 'list',
      aliases: ['ls'],
      isDefault: true,
      summary: 'List chronologies with their event counts (the default)',
      json: true,
      async run(ctx) {
        const all = await ctx.backend('read').api.listChronologies({})
        if (ctx.values.json) return printJson(ctx.io, all)
        for (const c of all) ctx.io.out(`${String(c.id).padStart(5)}  ${c.name}  (${c.eventCount} event${c.eventCount === 1 ? '' : 's'})\n`)
      }
    },
    {
      name: 'create',
      summary: 'Create a chronology',
      args: [NAME],
      options: [{ name: 'description', value: 'text', description: 'what the chronology covers' }],
      json: true,
      async run(ctx) {
        const name = need(ctx, 0, 'create', 'a name')
        const c = await ctx.backend('write').api.createChronology({ name, description: text(ctx.values, 'description') })
        if (ctx.values.json) return printJson(ctx.io, c)
        ctx.io.out(`created chronology ${c.id} "${c.name}"\n`)
      }
    },
    {
      name: 'rename',
      summary: 'Rename a chronology',
      args: [NAME, { name: 'new-name', description: 'its new name' }],
      async run(ctx) {
        const { api } = ctx.backend('write')
        const { id } = await api.findChronology({ name: need(ctx, 0, 'rename', 'a name') })
        const c = await api.renameChronology({ id, name: need(ctx, 1, 'rename', 'a new name') })
        ctx.io.out(`renamed to "${c.name}"\n`)
      }
    },
    {
      name: 'rm',
      aliases: ['delete'],
      summary: 'Delete a chronology (its events stay in the archive)',
      args: [NAME],
      async run(ctx) {
        const { api } = ctx.backend('write')
        const { id } = await api.findChronology({ name: need(ctx, 0, 'rm', 'a name') })
        const c = await api.deleteChronology({ id })
        ctx.io.out(`deleted chronology "${c.name}"; its ${c.eventCount} event${c.eventCount === 1 ? '' : 's'} stay in the archive\n`)
      }
    }
  ]
}
