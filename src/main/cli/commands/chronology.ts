import { chronologyByName, createChronology, deleteChronology, listChronologies, renameChronology } from '../../chronology/chronologies'
import { printJson, type Command } from '../command'

/** `annalist chronology …`: list, create, rename and delete chronologies. */
export const chronologyCommand: Command = {
  name: 'chronology',
  summary: 'Chronologies: list, create, rename, rm',
  usage: [
    'annalist chronology list [--json]',
    '       annalist chronology create <name> [--description TEXT] [--json]',
    '       annalist chronology rename <name> <new name>',
    '       annalist chronology rm <name>   (its events stay in the archive)'
  ].join('\n'),
  options: { json: { type: 'boolean' }, description: { type: 'string' } },
  async run(ctx) {
    const [sub, name, next] = ctx.positionals
    const need = (v: string | undefined, what: string): string => {
      if (!v) throw new Error(`chronology ${sub} needs ${what}`)
      return v
    }
    switch (sub) {
      case undefined:
      case 'list':
      case 'ls': {
        const all = listChronologies(ctx.openArchiveReadonly().db)
        if (ctx.values.json) return printJson(ctx.io, all)
        for (const c of all) ctx.io.out(`${String(c.id).padStart(5)}  ${c.name}  (${c.eventCount} event${c.eventCount === 1 ? '' : 's'})\n`)
        return
      }
      case 'create': {
        const description = typeof ctx.values.description === 'string' ? ctx.values.description : undefined
        const c = createChronology(ctx.openArchive().db, { name: need(name, 'a name'), description })
        if (ctx.values.json) return printJson(ctx.io, c)
        ctx.io.out(`created chronology ${c.id} "${c.name}"\n`)
        return
      }
      case 'rename': {
        const db = ctx.openArchive().db
        const c = renameChronology(db, { id: chronologyByName(db, need(name, 'a name')).id, name: need(next, 'a new name') })
        ctx.io.out(`renamed to "${c.name}"\n`)
        return
      }
      case 'rm':
      case 'delete': {
        const db = ctx.openArchive().db
        const c = deleteChronology(db, chronologyByName(db, need(name, 'a name')).id)
        ctx.io.out(`deleted chronology "${c.name}"; its ${c.eventCount} event${c.eventCount === 1 ? '' : 's'} stay in the archive\n`)
        return
      }
      default:
        throw new Error(`unknown subcommand "${sub}"; use list, create, rename or rm`)
    }
  }
}
