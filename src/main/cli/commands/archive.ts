import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defaultRecentFile, RecentArchives } from '../../archive/recent'
import { printJson, type CommandSpec } from '../command'

/** `annalist archive`: which archive the CLI works on, and the app's recent archives. */
export const archiveCommand: CommandSpec = {
  name: 'archive',
  summary: 'Show which archive is used and the recently opened ones',
  json: true,
  async run(ctx) {
    const current = resolve(ctx.archiveDir)
    const exists = existsSync(join(current, 'archive.sqlite'))
    const recent = new RecentArchives(defaultRecentFile())
      .list()
      .filter((e) => e.path !== current)
      .map((e) => ({ ...e, exists: existsSync(join(e.path, 'archive.sqlite')) }))
    if (ctx.values.json) {
      printJson(ctx.io, { current, exists, recent })
      return
    }
    const lines = [`archive  ${current}${exists ? '' : '  (not created yet)'}`]
    if (recent.length) {
      lines.push('', 'recent:')
      for (const e of recent) lines.push(`  ${e.path}  (${e.openedAt.slice(0, 10)}${e.exists ? '' : ', missing'})`)
    }
    ctx.io.out(lines.join('\n') + '\n')
  }
}
