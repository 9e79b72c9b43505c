import { AnnalistError } from '../../../shared/errors'
import { restoreArchive } from '../../archive/maintenance/restore'
import type { CommandSpec } from '../command'

/**
 * `annalist restore <file> --archive DIR`: a backup into an empty folder, verified. Restoring is
 * no operation on an open archive (the target is empty until it is done), so it is no contract
 * method; the check that follows goes through the contract like `annalist check`.
 */
export const restoreCommand: CommandSpec = {
  name: 'restore',
  summary: 'Restore a backup file into an empty folder and verify it',
  args: [{ name: 'file', description: 'the backup file', path: true }],
  note: 'Give --archive DIR: the folder to restore into, which must be empty or not exist yet.',
  async run(ctx) {
    const source = ctx.positionals[0]
    if (!source || ctx.positionals.length > 1) throw new AnnalistError('invalid-argument', 'restore needs exactly one backup file')
    if (typeof ctx.values.archive !== 'string') {
      throw new AnnalistError('invalid-argument', 'restore needs --archive DIR naming an empty folder to restore into (it never overwrites an archive)')
    }
    const { dir, manifest } = await restoreArchive(source, ctx.values.archive)
    ctx.io.out(
      `restored ${manifest.counts.articles} articles, ${manifest.counts.events} events and ${manifest.counts.originals} originals (backup of ${manifest.createdAt}) into ${dir}\n`
    )
    const report = await ctx.backend('inspect').api.checkArchive({})
    if (!report.healthy) {
      for (const p of report.problems) ctx.io.err(`problem   [${p.kind}] ${p.message}\n`)
      return 1
    }
  }
}
