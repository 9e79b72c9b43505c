import { positiveId } from '../args'
import { printJson, type CommandSpec } from '../command'
import { formatPublished, formatSharedParagraphs } from '../format'
import { DOUBTFUL_OCR_CONFIDENCE, type Paragraph } from '../../../shared/types'

function ocrLine(mean: number, paragraphs: readonly Paragraph[]): string {
  const doubtful = paragraphs.reduce((n, p) => n + (p.doubtfulWords?.length ?? 0), 0)
  const words = doubtful === 0 ? '' : `; ${doubtful} word${doubtful === 1 ? '' : 's'} below ${DOUBTFUL_OCR_CONFIDENCE}% (check against the original)`
  return `Read by OCR: mean word confidence ${Math.round(mean)}%${words}`
}

/** `annalist show <id>`: one article with its metadata and clean text. */
export const showCommand: CommandSpec = {
  name: 'show',
  summary: 'Show one article',
  args: [{ name: 'id', description: 'article id' }],
  json: true,
  async run(ctx) {
    const id = positiveId(ctx.positionals[0], 'show', 'an article id', 'annalist show 12')
    const article = await ctx.backend('read').api.getArticle({ id })
    if (ctx.values.json) {
      printJson(ctx.io, article)
      return
    }
    const lines = [
      article.title,
      article.dek ?? '',
      [article.outlet, article.byline, article.place, formatPublished(article.published)].filter(Boolean).join(' · '),
      ...(article.ocrConfidence === undefined ? [] : [ocrLine(article.ocrConfidence, article.paragraphs)]),
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
