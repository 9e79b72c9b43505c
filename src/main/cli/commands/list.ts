import { ARTICLE_SORTS as SORTS } from '../../../shared/types'
import { oneOf, text, wholeNumber } from '../args'
import { printJson, type CommandSpec } from '../command'
import { formatPublished } from '../format'

/** The most articles one listing returns (the contract's limit). */
const MAX_LIMIT = 100_000

/** `annalist list`: the articles in the archive. */
export const listCommand: CommandSpec = {
  name: 'list',
  summary: 'List articles',
  json: true,
  options: [
    { name: 'sort', value: 'order', choices: SORTS, description: 'order of the list (default: imported, oldest first)' },
    { name: 'limit', value: 'n', description: 'at most N articles (default: all)' },
    { name: 'offset', value: 'n', description: 'skip the first N articles' }
  ],
  async run(ctx) {
    const sort = oneOf(text(ctx.values, 'sort'), SORTS, 'sort')
    const limit = wholeNumber(ctx.values, 'limit', MAX_LIMIT, 1, MAX_LIMIT, `a whole number from 1 to ${MAX_LIMIT}`)
    const offset = wholeNumber(ctx.values, 'offset', 0, 0)
    const page = await ctx.backend('read').api.listArticles({ sort: sort ?? 'imported', order: sort ? undefined : 'asc', limit, offset })
    if (ctx.values.json) {
      printJson(ctx.io, page.items)
      return
    }
    for (const a of page.items) {
      const meta = [a.outlet, formatPublished(a.published), `${a.words} words`].filter(Boolean).join(' · ')
      ctx.io.out(`${String(a.id).padStart(6)}  ${a.title}\n        ${meta}\n`)
    }
    ctx.io.out(`${page.total} article${page.total === 1 ? '' : 's'}\n`)
  }
}
