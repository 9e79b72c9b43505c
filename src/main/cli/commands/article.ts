import { readFileSync } from 'node:fs'
import { deleteArticle, setArticleDate, updateArticle } from '../../chronology/article-edit'
import { citationsOf } from '../../chronology/event-read'
import type { ArticleEdit } from '../../../shared/chronology'
import { printJson, type Command, type CommandContext } from '../command'
import { formatPublished } from '../format'

function articleId(ctx: CommandContext, usage: string): number {
  const n = Number(ctx.positionals[1])
  if (!Number.isInteger(n) || n < 1) throw new Error(`${usage} needs an article id, e.g. 12`)
  return n
}

function nullable(v: unknown): string | null | undefined {
  if (typeof v !== 'string') return undefined
  return v === '' || v === 'none' ? null : v
}

async function edit(ctx: CommandContext): Promise<void> {
  const id = articleId(ctx, 'article edit')
  const edit: ArticleEdit = { id }
  if (typeof ctx.values.title === 'string') edit.title = ctx.values.title
  for (const key of ['dek', 'outlet', 'byline', 'place', 'published'] as const) {
    const v = nullable(ctx.values[key])
    if (v !== undefined) edit[key] = v
  }
  const file = ctx.values['text-file']
  if (typeof file === 'string') {
    try {
      edit.text = readFileSync(file, 'utf8')
    } catch (err) {
      throw new Error(`${file} cannot be read: ${(err as Error).message}`, { cause: err })
    }
  }
  const result = updateArticle(ctx.openArchive().db, edit)
  if (ctx.values.json) return printJson(ctx.io, result)
  ctx.io.out(`updated article ${id} "${result.article.title}"\n`)
  if (result.reanchor) {
    const r = result.reanchor
    ctx.io.out(`citations: ${r.kept.length} kept, ${r.moved.length} moved, ${r.orphaned.length} orphaned${r.orphaned.length ? ` (${r.orphaned.join(', ')})` : ''}\n`)
  }
}

/** `annalist article …`: correct an article's date or text, list its citations, delete it. */
export const articleCommand: Command = {
  name: 'article',
  summary: 'Edit one article: set its date, edit metadata or text, list citations, delete',
  usage: [
    'annalist article set-date <id> <EDTF|none>',
    '       annalist article edit <id> [--title T] [--dek D] [--outlet O] [--byline B] [--place P] [--published EDTF] [--text-file FILE] [--json]',
    '       annalist article citations <id> [--json]',
    '       annalist article rm <id>'
  ].join('\n'),
  options: {
    json: { type: 'boolean' },
    title: { type: 'string' },
    dek: { type: 'string' },
    outlet: { type: 'string' },
    byline: { type: 'string' },
    place: { type: 'string' },
    published: { type: 'string' },
    'text-file': { type: 'string' }
  },
  async run(ctx) {
    const sub = ctx.positionals[0]
    switch (sub) {
      case 'set-date': {
        const id = articleId(ctx, 'article set-date')
        const edtf = ctx.positionals[2]
        if (edtf === undefined) throw new Error('article set-date needs an EDTF date, e.g. 2021-09-01 (or none to clear)')
        const article = setArticleDate(ctx.openArchive().db, { id, edtf: edtf === 'none' ? null : edtf })
        if (ctx.values.json) return printJson(ctx.io, article)
        ctx.io.out(`article ${id}: published ${formatPublished(article.published) ?? 'unknown'}\n`)
        return
      }
      case 'edit':
        return edit(ctx)
      case 'citations': {
        const id = articleId(ctx, 'article citations')
        const citations = citationsOf(ctx.openArchiveReadonly().db, [id], 'c.article_id IN (SELECT value FROM json_each(?))')
        if (ctx.values.json) return printJson(ctx.io, citations)
        for (const c of citations) {
          ctx.io.out(`${String(c.id).padStart(5)}  event ${c.eventId}  ${c.orphaned ? 'ORPHANED ' : ''}${c.stance}  “${c.anchor.exact}”\n`)
        }
        return
      }
      case 'rm':
      case 'delete': {
        const r = deleteArticle(ctx.openArchive().db, articleId(ctx, 'article rm'))
        if (ctx.values.json) return printJson(ctx.io, r)
        ctx.io.out(`deleted article ${r.id} "${r.title}"\n`)
        return
      }
      default:
        throw new Error(`unknown subcommand "${sub ?? ''}"; use set-date, edit, citations or rm`)
    }
  }
}
