import { runImport } from '../../import/pipeline'
import { printJson, type Command } from '../command'

/** `annalist import <paths...>`: files and folders into the archive. */
export const importCommand: Command = {
  name: 'import',
  summary: 'Import files and folders',
  usage: 'annalist import <paths...> [--json]',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new Error('import needs at least one file or folder')
    const archive = ctx.openArchive()
    const showBar = ctx.io.isTTY && !ctx.values.json
    const report = runImport(
      archive,
      ctx.positionals.map((path) => ({ kind: 'path' as const, path })),
      {
        onProgress: showBar
          ? (p) => {
              const width = 30
              const filled = p.total ? Math.round((p.done / p.total) * width) : width
              ctx.io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total}`)
              if (p.done === p.total) ctx.io.err('\n')
            }
          : undefined
      }
    )
    if (ctx.values.json) {
      printJson(ctx.io, {
        added: report.added,
        duplicates: report.duplicates,
        failed: report.failed,
        nearDuplicates: report.nearDuplicates,
        skipped: report.skipped
      })
    } else {
      for (const f of report.failed) ctx.io.out(`failed     ${f.path}: [${f.code}] ${f.message}\n`)
      for (const d of report.duplicates) ctx.io.out(`duplicate  ${d.path} (already article #${d.duplicateOf})\n`)
      ctx.io.out(
        `${report.added.length} added, ${report.duplicates.length} duplicate${report.duplicates.length === 1 ? '' : 's'}, ${report.failed.length} failed\n`
      )
    }
    return report.failed.length > 0 && report.added.length === 0 && report.duplicates.length === 0 ? 1 : 0
  }
}
