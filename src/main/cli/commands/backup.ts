import { AnnalistError } from '../../../shared/errors'
import type { CommandSpec } from '../command'
import { megabytes } from '../../../shared/sizes'

/** `annalist backup <file>`: one-file snapshot of the archive, safe while the app is writing. */
export const backupCommand: CommandSpec = {
  name: 'backup',
  summary: 'Write the archive (database and originals) into one backup file, even while it is in use',
  args: [{ name: 'file', description: 'the backup file to write (a tar)', path: true }],
  async run(ctx) {
    const target = ctx.positionals[0]
    if (!target || ctx.positionals.length > 1) throw new AnnalistError('invalid-argument', 'backup needs exactly one file name, e.g. annalist backup ~/annalist-2024-05-01.tar')
    const { file, bytes, manifest } = await ctx.backend('inspect').api.backupArchive({ path: target })
    const { counts } = manifest
    ctx.io.out(
      `backed up ${counts.articles} articles, ${counts.events} events and ${counts.originals} originals (${megabytes(bytes)}) to ${file}\n`
    )
    if (manifest.missingOriginals.length > 0) {
      ctx.io.err(
        `warning: ${manifest.missingOriginals.length} original file(s) were already missing from the archive and are not in the backup; run annalist check\n`
      )
      return 1
    }
  }
}
