import { printJson, type CommandSpec } from '../command'
import { megabytes } from '../../../shared/sizes'
import { staleNote } from './entities'

/** `annalist stats`: counts and size of the archive. */
export const statsCommand: CommandSpec = {
  name: 'stats',
  summary: 'Show archive statistics',
  json: true,
  async run(ctx) {
    const info = await ctx.backend('read').api.getArchiveInfo({})
    if (ctx.values.json) {
      printJson(ctx.io, info)
      return
    }
    ctx.io.out(
      [
        `archive     ${info.path}`,
        `schema      ${info.schemaVersion} (Annalist ${info.appVersion})`,
        `articles    ${info.articleCount}`,
        `files       ${info.fileCount}`,
        `events      ${info.eventCount}`,
        `chronologies ${info.chronologyCount}`,
        `size        ${megabytes(info.sizeBytes)}`
      ].join('\n') + '\n'
    )
    if (info.staleEntityArticles > 0) ctx.io.out(`${staleNote(info.staleEntityArticles)}\n`)
  }
}
