import { printJson, type CommandSpec } from '../command'

/** `annalist check`: verifies the archive without changing it; exit 1 when unhealthy. */
export const checkCommand: CommandSpec = {
  name: 'check',
  summary: 'Verify the archive (database, full-text index, originals) without changing it',
  json: true,
  async run(ctx) {
    const report = await ctx.backend('inspect').api.checkArchive({})
    if (ctx.values.json) {
      printJson(ctx.io, report)
      return report.healthy ? 0 : 1
    }
    const { counts } = report
    const lines = [
      `archive   ${report.path}`,
      `checked   ${counts.articles} articles, ${counts.paragraphs} paragraphs, ${counts.files} files, ${counts.originals} originals in ${(report.elapsedMs / 1000).toFixed(1)} s`,
      ...report.problems.map((p) => `problem   [${p.kind}] ${p.message}`),
      ...report.notes.map((n) => `note      ${n}`),
      report.healthy ? 'healthy' : `UNHEALTHY: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`
    ]
    ctx.io.out(lines.join('\n') + '\n')
    return report.healthy ? 0 : 1
  }
}
