import { listArticles } from '../../archive/repo/articles'
import { printJson, type Command } from '../command'
import { formatPublished } from '../format'

/** `annalist list`: the articles in the archive. */
export const listCommand: Command = {
  name: 'list',
  summary: 'List articles',
  usage: 'annalist list [--sort imported|published|title|outlet|words] [--limit N] [--offset N] [--json]',
  options: {
    json: { type: 'boolean' },
    sort: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' }
  },
  async run(ctx) {
    const archive = ctx.openArchiveReadonly()
    const sort = ctx.values.sort as 'imported' | 'published' | 'title' | 'outlet' | 'words' | undefined
    if (sort && !['imported', 'published', 'title', 'outlet', 'words'].includes(sort)) {
      throw new Error(`unknown sort "${sort}"; use imported, published, title, outlet or words`)
    }
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
