import { ARTICLE_SORTS as SORTS, type ArticleSort } from '../../../shared/types'
import { listArticles } from '../../archive/repo/articles'
import { printJson, type CommandSpec } from '../command'
import { formatPublished } from '../format'

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
    const archive = ctx.openArchiveReadonly()
    const sort = ctx.values.sort as ArticleSort | undefined
    if (sort && !(SORTS as readonly string[]).includes(sort)) throw new Error(`unknown sort "${sort}"; use ${SORTS.join(', ')}`)
    const limit = ctx.values.limit ? Number(ctx.values.limit) : 100_000
    const offset = ctx.values.offset ? Number(ctx.values.offset) : 0
    if (!Number.isInteger(limit) || limit < 1) throw new Error('--limit takes a positive whole number')
    if (!Number.isInteger(offset) || offset < 0) throw new Error('--offset takes a whole number')
    const page = listArticles(archive.db, { sort: sort ?? 'imported', order: sort ? undefined : 'asc', limit, offset })
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
