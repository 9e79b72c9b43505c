import { randomUUID } from 'node:crypto'
import { NAMED_KINDS, type EntitySummary, type NamedKind } from '../../../shared/entities'
import { AnnalistError } from '../../../shared/errors'
import { oneOf, text, wholeNumber } from '../args'
import { printJson, type CommandSpec } from '../command'

function line(e: EntitySummary): string {
  const others = e.aliases.filter((a) => a !== e.name)
  const aka = others.length ? `  (also ${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''})` : ''
  const hidden = e.hidden ? '  [hidden]' : ''
  return `${String(e.id).padStart(6)}  ${e.kind.padEnd(6)} ${String(e.articles).padStart(5)} art.  ${e.name}${aka}${hidden}\n`
}

/** What the user is told while some articles' names come from an earlier version's rules. */
export function staleNote(articles: number): string {
  return `names in ${articles} ${articles === 1 ? 'article were' : 'articles were'} found by an earlier version of Annalist: \`annalist entities --refresh\` finds them again`
}

/** `annalist entities`: the people, organisations and places of the archive; `--extract` or `--refresh` finds them again first. */
export const entitiesCommand: CommandSpec = {
  name: 'entities',
  summary: 'List the people, organisations and places mentioned in the archive (--extract or --refresh to find them again first)',
  note:
    'Most articles first. --extract reads every article again, --refresh only those whose names an earlier version of Annalist found; ' +
    'both keep your merges, splits, renames and hides. Ctrl-C stops them, keeping what was stored.',
  options: [
    { name: 'kind', value: 'kind', choices: NAMED_KINDS, description: 'only people, organisations or places' },
    { name: 'prefix', value: 'text', description: 'only entities with a spelling starting so (any script)' },
    { name: 'limit', value: 'n', description: 'how many to list (default 50)' },
    { name: 'hidden', description: 'include hidden entities' },
    { name: 'extract', description: 'extract entities over the whole archive first' },
    { name: 'refresh', description: 'first extract entities again in the articles read by an earlier version' }
  ],
  json: true,
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new AnnalistError('invalid-argument', `unexpected argument "${ctx.positionals[0]}"`)
    const v = ctx.values
    const kind = oneOf<NamedKind>(v.kind as string | undefined, NAMED_KINDS, 'kind')
    const limit = wholeNumber(v, 'limit', 50, 1, 1000)
    const prefix = text(v, 'prefix')
    if (v.extract && v.refresh) throw new AnnalistError('invalid-argument', '--extract reads every article already: give it or --refresh, not both')
    const { api } = ctx.backend(v.extract || v.refresh ? 'write' : 'read')
    if (v.extract || v.refresh) {
      const jobId = randomUUID()
      const onSigint = (): void => void api.cancelEntityExtraction({ jobId }).catch(() => {})
      const showProgress = ctx.io.errIsTTY === true && !v.json
      const off = showProgress
        ? api.onEntitiesProgress((p) => {
            if (p.jobId === jobId) ctx.io.err(`\rextracting ${p.done}/${p.total} articles, ${p.entities} entities\u001b[K`)
          })
        : () => {}
      process.on('SIGINT', onSigint)
      try {
        const end = await api.extractEntities({ jobId, ...(v.refresh ? { stale: true } : {}) })
        if (showProgress) ctx.io.err('\n')
        if (end.state === 'failed') throw new AnnalistError('internal', `entity extraction failed: ${end.error?.message ?? 'unknown error'}`)
        if (!v.json) ctx.io.err(`${end.state === 'cancelled' ? 'stopped after' : 'extracted'} ${end.done} of ${end.total} articles: ${end.entities} entities, ${end.mentions} mentions\n`)
      } finally {
        process.off('SIGINT', onSigint)
        off()
      }
    }
    const { entities, total } = await api.listEntities({
      ...(kind ? { kind } : {}),
      ...(prefix ? { prefix } : {}),
      includeHidden: v.hidden === true,
      limit
    })
    if (v.json) {
      printJson(ctx.io, { total, entities })
      return
    }
    for (const e of entities) ctx.io.out(line(e))
    ctx.io.out(`${entities.length} of ${total} ${total === 1 ? 'entity' : 'entities'}\n`)
    const { staleEntityArticles: stale } = await api.getArchiveInfo({})
    if (stale > 0) ctx.io.err(`${staleNote(stale)}\n`)
  }
}
