import { readFileSync } from 'node:fs'
import { deleteArticles } from '../../articles/delete'
import { setArticleDate, updateArticle } from '../../articles/edit'
import { citationsByArticle } from '../../archive/repo/citations'
import { setArticleTagsAction, tagArticlesAction } from '../../articles/tags'
import { articleTags, listArticleTags } from '../../archive/repo/article-tags'
import type { ArticleEdit } from '../../../shared/chronology'
import { printJson, type CommandContext, type CommandSpec } from '../command'
import { formatPublished } from '../format'
import { quoted } from '../../../shared/listing'

function articleId(ctx: CommandContext, usage: string): number {
  const n = Number(ctx.positionals[0])
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
  for (const key of ['dek', 'outlet', 'byline', 'place', 'language', 'published'] as const) {
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
async function tags(ctx: CommandContext): Promise<void> {
  if (ctx.positionals[0] === undefined) {
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

function articleIds(ctx: CommandContext, usage: string): number[] {
  const ids = ctx.positionals.map(Number)
  if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`${usage} needs article ids, e.g. 12 14 15`)
  return ids
}

/** `article tag <id>… --add T --remove T`: one change over many articles. */
async function tag(ctx: CommandContext): Promise<void> {
  const ids = articleIds(ctx, 'article tag')
  const add = strings(ctx.values.add)
  const remove = strings(ctx.values.remove)
  if (add.length === 0 && remove.length === 0) throw new Error('article tag needs --add NAME and/or --remove NAME')
  const r = tagArticlesAction(ctx.openArchive().db, ids, add, remove)
  if (ctx.values.json) return printJson(ctx.io, r)
  ctx.io.out(`${r.added} tag${r.added === 1 ? '' : 's'} added, ${r.removed} removed\n`)
}

/** `article rm <id>…`: one undoable action; refusals go to stderr and set the exit code. */
async function remove(ctx: CommandContext): Promise<number> {
  const r = deleteArticles(ctx.openArchive().db, articleIds(ctx, 'article rm'))
  if (ctx.values.json) printJson(ctx.io, r)
  else {
    for (const a of r.deleted) ctx.io.out(`deleted article ${a.id} ${quoted(a.title)}\n`)
    if (r.deleted.length > 0) ctx.io.out('(undo with: annalist events undo)\n')
  }
  for (const a of r.refused) ctx.io.err(`not deleted: ${a.reason}\n`)
  return r.refused.length > 0 ? 1 : 0
}

const ID = { name: 'id', description: 'article id' }

/** `annalist article …`: correct an article's date, text or tags, list its citations, delete it. */
export const articleCommand: CommandSpec = {
  name: 'article',
  summary: 'Edit articles: set a date, edit metadata or text, tag, list citations, delete',
  subcommands: [
    {
      name: 'set-date',
      summary: "Correct or confirm an article's publication date (pending proposals are re-resolved)",
      args: [ID, { name: 'edtf', description: 'EDTF date, e.g. 2021-09-01, XXXX-09-01 (year unknown), or none to clear it' }],
      json: true,
      async run(ctx) {
        const id = articleId(ctx, 'article set-date')
        const edtf = ctx.positionals[1]
        if (edtf === undefined) throw new Error('article set-date needs an EDTF date, e.g. 2021-09-01 (or none to clear)')
        const article = setArticleDate(ctx.openArchive().db, { id, edtf: edtf === 'none' ? null : edtf })
        if (ctx.values.json) return printJson(ctx.io, article)
        ctx.io.out(`article ${id}: published ${formatPublished(article.published) ?? 'unknown'}\n`)
      }
    },
    {
      name: 'edit',
      summary: "Edit an article's metadata or text (citations are re-anchored)",
      args: [ID],
      note: 'An empty value or "none" clears a field (not --title).',
      options: [
        { name: 'title', value: 'text', description: 'new title' },
        { name: 'dek', value: 'text', description: 'new standfirst' },
        { name: 'outlet', value: 'name', description: 'new outlet' },
        { name: 'byline', value: 'text', description: 'new byline' },
        { name: 'place', value: 'text', description: 'new dateline place' },
        { name: 'language', value: 'tag', description: 'language the text (and its dates) is read in, e.g. en, pt, pt-BR' },
        { name: 'published', value: 'edtf', description: 'new publication date (EDTF)' },
        { name: 'text-file', value: 'file', path: true, description: 'replace the clean text with this UTF-8 file' }
      ],
      json: true,
      run: edit
    },
    {
      name: 'tags',
      summary: "Every tag with its article count, or one article's tags (replaced with --set)",
      args: [{ ...ID, optional: true }],
      options: [{ name: 'set', value: 'tags', description: 'replace the article\'s tags with these, comma-separated ("T1,T2")' }],
      json: true,
      run: tags
    },
    {
      name: 'tag',
      summary: 'Add or remove tags on many articles at once (one undoable action)',
      args: [{ name: 'ids', description: 'article ids', variadic: true }],
      options: [
        { name: 'add', value: 'tag', repeat: true, description: 'tag to add' },
        { name: 'remove', value: 'tag', repeat: true, description: 'tag to remove' }
      ],
      json: true,
      run: tag
    },
    {
      name: 'citations',
      summary: 'List the citations that point into an article',
      args: [ID],
      json: true,
      async run(ctx) {
        const id = articleId(ctx, 'article citations')
        const citations = citationsByArticle(ctx.openArchiveReadonly().db, [id])
        if (ctx.values.json) return printJson(ctx.io, citations)
        for (const c of citations) {
          ctx.io.out(`${String(c.id).padStart(5)}  event ${c.eventId}  ${c.orphaned ? 'ORPHANED ' : ''}${c.stance}  “${c.anchor.exact}”\n`)
        }
      }
    },
    {
      name: 'rm',
      aliases: ['delete'],
      summary: 'Delete articles as one undoable action (each refused while an event cites it)',
      args: [{ name: 'ids', description: 'article ids', variadic: true }],
      note: 'Exits with 1 when any article was refused; the others are still deleted.',
      json: true,
      run: remove
    }
  ]
}
