import type { Db } from '../../archive/db'
import { findQuote } from '../../chronology/anchor'
import { chronologyByName, createChronology } from '../../chronology/chronologies'
import { articleText } from '../../chronology/citations'
import { getEvent, listEvents } from '../../chronology/event-read'
import { createEvent, deleteEvent, eventDate, updateEvent } from '../../chronology/events'
import { redo, undo } from '../../chronology/journal'
import { mergeEvents } from '../../chronology/merge'
import { articleCandidates, suggestEvents } from '../../chronology/proposals/store'
import { AnnalistError } from '../../../shared/errors'
import { edtfBounds, humanizeEdtfString } from '../../../shared/edtf'
import { CLAIM_STATUSES, isDisputed, type ChronologyEvent, type CitationInput, type ClaimStatus, type EventQuery, type ProposedEvent } from '../../../shared/chronology'
import { printJson, type Command, type CommandContext } from '../command'

/** The `events suggest --json` shape of one proposal. */
export interface SuggestionJson {
  edtf: string
  earliest: string
  latest: string
  text: string
  quote: { exact: string; prefix: string; suffix: string; start: number; end: number }
}

/** Maps a stored proposal to the documented `events suggest --json` shape. */
export function suggestionJson(p: ProposedEvent): SuggestionJson {
  const { exact, prefix, suffix, start, end } = p.anchor
  return { edtf: p.date.edtf, earliest: p.date.earliest, latest: p.date.latest, text: p.text, quote: { exact, prefix, suffix, start, end } }
}

function positiveId(raw: string | undefined, what: string): number {
  const n = Number(raw)
  if (raw === undefined || !Number.isInteger(n) || n < 1) throw new Error(`${what} needs a numeric id, e.g. 12`)
  return n
}

function list(ctx: CommandContext, name: string): string[] | undefined {
  const v = ctx.values[name]
  if (v === undefined) return undefined
  return (Array.isArray(v) ? v : [v]).map(String)
}

function str(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name]
  return typeof v === 'string' ? v : undefined
}

function status(ctx: CommandContext): ClaimStatus | undefined {
  const s = str(ctx, 'status')
  if (s === undefined) return undefined
  if (!(CLAIM_STATUSES as readonly string[]).includes(s)) throw new Error(`unknown status "${s}"; use ${CLAIM_STATUSES.join(', ')}`)
  return s as ClaimStatus
}

/** `12:"quoted words"` → a citation located in article 12's clean text. */
function parseCite(db: Db, spec: string, stance: 'supports' | 'contradicts'): CitationInput {
  const m = /^\s*(\d+)\s*:(.*)$/s.exec(spec)
  if (!m) throw new Error(`--cite takes <articleId>:"<quote>", got "${spec}"`)
  const articleId = Number(m[1])
  const quote = m[2]!.trim().replace(/^["“](.*)["”]$/s, '$1')
  const { text } = articleText(db, articleId)
  const found = findQuote(text, quote, `article ${articleId}`)
  return { articleId, start: found.start, end: found.end, stance }
}

function eventLine(e: ChronologyEvent): string {
  const flags = [e.status !== 'reported' ? e.status : null, isDisputed(e) && e.status !== 'disputed' ? 'disputed' : null]
    .filter(Boolean)
    .join(', ')
  const orphans = e.citations.filter((c) => c.orphaned).length
  const cites = `${e.citations.length} citation${e.citations.length === 1 ? '' : 's'}${orphans ? `, ${orphans} orphaned` : ''}`
  return `${String(e.id).padStart(5)}  ${humanizeEdtfString(e.date.edtf).padEnd(30)}  ${e.title}${flags ? ` [${flags}]` : ''} (${cites})`
}

function printEvent(ctx: CommandContext, e: ChronologyEvent): void {
  if (ctx.values.json) return printJson(ctx.io, e)
  const lines = [eventLine(e), `       ${e.date.edtf}`]
  if (e.tags.length) lines.push(`       tags: ${e.tags.join(', ')}`)
  if (e.people.length) lines.push(`       people: ${e.people.join(', ')}`)
  if (e.places.length) lines.push(`       places: ${e.places.join(', ')}`)
  if (e.note) lines.push(`       ${e.note.replace(/\n/g, '\n       ')}`)
  for (const c of e.citations) {
    const where = [c.article.outlet, c.article.title, c.paragraph ? `¶${c.paragraph}` : 'orphaned'].filter(Boolean).join(', ')
    lines.push(`       ${c.stance === 'contradicts' ? '✗' : '✓'} “${c.anchor.exact}” — ${where} (#${c.articleId})`)
  }
  ctx.io.out(lines.join('\n') + '\n')
}

function chronologyIds(db: Db, ctx: CommandContext, create: boolean): number[] | undefined {
  const names = list(ctx, 'chronology')
  if (!names) return undefined
  return names.map((name) => {
    try {
      return chronologyByName(db, name).id
    } catch (err) {
      if (!create || !(err instanceof AnnalistError) || err.code !== 'not-found') throw err
      ctx.io.err(`created chronology "${name}"\n`)
      return createChronology(db, { name }).id
    }
  })
}

async function add(ctx: CommandContext): Promise<void> {
  const db = ctx.openArchive().db
  const title = str(ctx, 'title')
  const date = str(ctx, 'date')
  if (!title || !date) throw new Error('events add needs --title and --date (EDTF, e.g. 2021-08-15 or 2021-08-23~)')
  const citations = [
    ...(list(ctx, 'cite') ?? []).map((s) => parseCite(db, s, 'supports')),
    ...(list(ctx, 'contradict') ?? []).map((s) => parseCite(db, s, 'contradicts'))
  ]
  // Checked before a missing --chronology is created, so a bad date leaves nothing behind.
  eventDate(date)
  const event = createEvent(db, {
    title,
    date,
    status: status(ctx),
    note: str(ctx, 'note'),
    tags: list(ctx, 'tag'),
    people: list(ctx, 'person'),
    places: list(ctx, 'place'),
    chronologyIds: chronologyIds(db, ctx, true),
    citations
  })
  printEvent(ctx, event)
}

async function edit(ctx: CommandContext): Promise<void> {
  const db = ctx.openArchive().db
  const id = positiveId(ctx.positionals[1], 'events edit')
  const event = updateEvent(db, {
    id,
    title: str(ctx, 'title'),
    date: str(ctx, 'date'),
    status: status(ctx),
    note: str(ctx, 'note'),
    tags: list(ctx, 'tag'),
    people: list(ctx, 'person'),
    places: list(ctx, 'place'),
    chronologyIds: chronologyIds(db, ctx, true)
  })
  printEvent(ctx, event)
}

async function listCmd(ctx: CommandContext): Promise<void> {
  const db = ctx.openArchiveReadonly().db
  const name = str(ctx, 'chronology')
  const query: EventQuery = {
    chronologyId: name === undefined ? undefined : chronologyByName(db, name).id,
    tag: str(ctx, 'tag'),
    person: str(ctx, 'person'),
    place: str(ctx, 'place'),
    status: status(ctx),
    from: str(ctx, 'from'),
    to: str(ctx, 'to')
  }
  const events = listEvents(db, query)
  if (ctx.values.json) return printJson(ctx.io, events)
  for (const e of events) ctx.io.out(eventLine(e) + '\n')
  ctx.io.out(`${events.length} event${events.length === 1 ? '' : 's'}\n`)
}

async function suggest(ctx: CommandContext): Promise<void> {
  // While the app holds the archive, proposals are computed and shown but not stored.
  const archive = ctx.openArchiveReadonly()
  const db = archive.db
  const articleId = positiveId(ctx.positionals[1], 'events suggest')
  const rows: { id: number | null; json: SuggestionJson }[] = archive.readonly
    ? articleCandidates(db, articleId).map((c) => {
        const d = edtfBounds(c.edtf)!
        const { exact, prefix, suffix, start, end } = c.anchor
        return { id: null, json: { edtf: c.edtf, earliest: d.earliest, latest: d.latest, text: c.text, quote: { exact, prefix, suffix, start, end } } }
      })
    : suggestEvents(db, articleId).map((p) => ({ id: p.id, json: suggestionJson(p) }))
  const published = db.prepare<[number], { edtf: string | null }>('SELECT published_edtf AS edtf FROM articles WHERE id = ?').get(articleId)
  if (!published?.edtf || !/^\d{4}-\d{2}-\d{2}/.test(published.edtf)) {
    ctx.io.err(
      `article ${articleId} has no day-precision publication date, so weekdays and "last week" were skipped; set one with: annalist article set-date ${articleId} YYYY-MM-DD\n`
    )
  }
  if (archive.readonly) ctx.io.err('the archive is open in the app: proposals shown, not stored\n')
  if (ctx.values.json) return printJson(ctx.io, rows.map((r) => r.json))
  for (const { id, json } of rows) {
    ctx.io.out(`${String(id ?? '-').padStart(5)}  ${json.edtf.padEnd(24)} ${humanizeEdtfString(json.edtf)}\n       “${json.quote.exact}”\n`)
  }
  ctx.io.out(`${rows.length} proposal${rows.length === 1 ? '' : 's'}\n`)
}

/** `annalist events …`: propose, add, list, edit and remove chronology events. */
export const eventsCommand: Command = {
  name: 'events',
  summary: 'Chronology events: suggest from an article, add, list, edit, merge, remove, undo',
  usage: [
    'annalist events suggest <articleId> [--json]',
    '       annalist events add --title T --date EDTF [--status reported|confirmed|disputed|denied] [--chronology NAME]',
    '                           [--cite <articleId>:"<quote>"]... [--contradict <articleId>:"<quote>"]...',
    '                           [--tag T]... [--person P]... [--place P]... [--note TEXT] [--json]',
    '       annalist events list [--chronology NAME] [--tag T] [--person P] [--place P] [--status S] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
    '       annalist events show <id> [--json]',
    '       annalist events edit <id> [--title T] [--date EDTF] [--status S] [--note TEXT] [--tag T]... [--person P]... [--place P]... [--chronology NAME]...',
    '       annalist events merge <targetId> <sourceId>',
    '       annalist events rm <id>',
    '       annalist events undo | redo'
  ].join('\n'),
  options: {
    json: { type: 'boolean' },
    title: { type: 'string' },
    date: { type: 'string' },
    status: { type: 'string' },
    note: { type: 'string' },
    chronology: { type: 'string', multiple: true },
    cite: { type: 'string', multiple: true },
    contradict: { type: 'string', multiple: true },
    tag: { type: 'string', multiple: true },
    person: { type: 'string', multiple: true },
    place: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' }
  },
  async run(ctx) {
    const sub = ctx.positionals[0]
    // `list` filters take one value each; parseArgs gives arrays for the repeatable options.
    const single = (name: string): void => {
      const v = ctx.values[name]
      if (Array.isArray(v)) {
        if (v.length > 1) throw new Error(`events list takes one --${name}`)
        ctx.values[name] = v[0]
      }
    }
    switch (sub) {
      case 'suggest':
        return suggest(ctx)
      case 'add':
        return add(ctx)
      case 'list':
      case 'ls':
        for (const n of ['chronology', 'tag', 'person', 'place']) single(n)
        return listCmd(ctx)
      case 'show':
        return printEvent(ctx, getEvent(ctx.openArchiveReadonly().db, positiveId(ctx.positionals[1], 'events show')))
      case 'edit':
        return edit(ctx)
      case 'merge': {
        const db = ctx.openArchive().db
        const targetId = positiveId(ctx.positionals[1], 'events merge <targetId>')
        return printEvent(ctx, mergeEvents(db, { targetId, sourceId: positiveId(ctx.positionals[2], 'events merge <targetId> <sourceId>') }))
      }
      case 'rm':
      case 'delete': {
        const e = deleteEvent(ctx.openArchive().db, positiveId(ctx.positionals[1], 'events rm'))
        if (ctx.values.json) return printJson(ctx.io, e)
        ctx.io.out(`deleted event ${e.id} "${e.title}" (undo with: annalist events undo)\n`)
        return
      }
      case 'undo':
      case 'redo': {
        const db = ctx.openArchive().db
        const r = sub === 'undo' ? undo(db) : redo(db)
        if (ctx.values.json) return printJson(ctx.io, r)
        ctx.io.out(r.label === null ? `nothing to ${sub}\n` : `${sub === 'undo' ? 'undid' : 'redid'}: ${r.label}\n`)
        return
      }
      default:
        throw new Error(`unknown subcommand "${sub ?? ''}"; use suggest, add, list, show, edit, merge, rm, undo or redo`)
    }
  }
}
