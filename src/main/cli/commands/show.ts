import { getArticle } from '../../archive/repo/articles'
import { printJson, type CommandSpec } from '../command'
import { formatPublished, formatSharedParagraphs } from '../format'

/** `annalist show <id>`: one article with its metadata and clean text. */
export const showCommand: CommandSpec = {
  name: 'show',
  summary: 'Show one article',
  args: [{ name: 'id', description: 'article id' }],
  json: true,
  async run(ctx) {
    const id = Number(ctx.positionals[0])
    if (!Number.isInteger(id) || id < 1) throw new Error('show needs an article id, e.g. annalist show 12')
    const article = getArticle(ctx.openArchiveReadonly().db, id)
    if (ctx.values.json) {
      printJson(ctx.io, article)
      return
    }
    const lines = [
      article.title,
      article.dek ?? '',
      [article.outlet, article.byline, article.place, formatPublished(article.published)].filter(Boolean).join(' · '),
      '',
      ...article.paragraphs.map((p) => `[${p.ordinal}] ${p.text}\n`)
    ]
    if (article.nearDuplicates.length) {
      lines.push('Shares paragraphs with (¶ here = ¶ there):')
      for (const n of article.nearDuplicates) {
        const pairs = n.paragraphs.length ? `: ${formatSharedParagraphs(n.paragraphs)}` : ''
        lines.push(`  #${n.articleId} ${n.title} (${n.sharedParagraphs} paragraph${n.sharedParagraphs === 1 ? '' : 's'}${pairs})`)
      }
    }
    ctx.io.out(lines.filter((l, i) => i !== 1 || l !== '').join('\n') + '\n')
  }
}
