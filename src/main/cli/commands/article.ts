import { readFileSync } from 'node:fs'
import { deleteArticle, setArticleDate, updateArticle } from '../../chronology/article-edit'
import { citationsOf } from '../../chronology/event-read'
import { setArticleTagsAction, tagArticlesAction } from '../../chronology/article-tags-edit'
import { articleTags, listArticleTags } from '../../archive/repo/article-tags'
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

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : typeof v === 'string' ? [v] : []
}

/** `article tags [<id>] [--set T,T]`: all tags with counts, or one article's tags (replaced with --set). */
function tags(ctx: CommandContext): void {
  if (ctx.positionals[1] === undefined) {
    const all = listArticleTags(ctx.openArchiveReadonly().db)
    if (ctx.values.json) return printJson(ctx.io, all)
    for (const t of all) ctx.io.out(`${String(t.count).padStart(6)}  ${t.name}\n`)
    return
  }
  const id = articleId(ctx, 'article tags')
  const set = ctx.values.set
  const names =
    typeof set === 'string'
      ? setArticleTagsAction(ctx.openArchive().db, id, set.split(',').filter((s) => s.trim() !== ''))
      : articleTags(ctx.openArchiveReadonly().db, id)
  if (ctx.values.json) return printJson(ctx.io, { id, tags: names })
  ctx.io.out(`article ${id}: ${names.length ? names.join(', ') : 'no tags'}\n`)
}

/** `article tag <id>… --add T --remove T`: one change over many articles. */
function tag(ctx: CommandContext): void {
  const ids = ctx.positionals.slice(1).map(Number)
  if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('article tag needs article ids, e.g. 12 14 15')
  const add = strings(ctx.values.add)
  const remove = strings(ctx.values.remove)
  if (add.length === 0 && remove.length === 0) throw new Error('article tag needs --add NAME and/or --remove NAME')
  const r = tagArticlesAction(ctx.openArchive().db, ids, add, remove)
  if (ctx.values.json) return printJson(ctx.io, r)
  ctx.io.out(`${r.added} tag${r.added === 1 ? '' : 's'} added, ${r.removed} removed\n`)
}

/** `annalist article …`: correct an article's date, text or tags, list its citations, delete it. */
export const articleCommand: Command = {
  name: 'article',
  summary: 'Edit articles: set a date, edit metadata or text, tag, list citations, delete',
  usage: [
    'annalist article set-date <id> <EDTF|none>',
    '       annalist article edit <id> [--title T] [--dek D] [--outlet O] [--byline B] [--place P] [--published EDTF] [--text-file FILE] [--json]',
    '       annalist article tags [<id>] [--set "T1,T2"] [--json]   (no id: every tag with its article count)',
    '       annalist article tag <id>... [--add T]... [--remove T]... [--json]',
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
    'text-file': { type: 'string' },
    set: { type: 'string' },
    add: { type: 'string', multiple: true },
    remove: { type: 'string', multiple: true }
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
      case 'tags':
        return tags(ctx)
      case 'tag':
        return tag(ctx)
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
        throw new Error(`unknown subcommand "${sub ?? ''}"; use set-date, edit, tags, tag, citations or rm`)
    }
  }
}
