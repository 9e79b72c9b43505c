import type { Db } from '../../archive/db'
import { findQuote } from '../../chronology/anchor'
import { chronologyByName, createChronology } from '../../chronology/chronologies'
import { articleText } from '../../chronology/citations'
import { getEvent, listEvents } from '../../chronology/event-read'
import { createEvent, deleteEvent, eventDate, updateEvent } from '../../chronology/events'
import { redo, undo } from '../../archive/journal'
import { mergeEvents } from '../../chronology/merge'
import { articleCandidates, suggestEvents } from '../../chronology/proposals/store'
import { AnnalistError } from '../../../shared/errors'
import { edtfBounds, humanizeEdtfString } from '../../../shared/edtf'
import { CLAIM_STATUSES, isDisputed, type ChronologyEvent, type CitationInput, type ClaimStatus, type EventQuery, type ProposedEvent } from '../../../shared/chronology'
import { printJson, type CommandContext, type CommandSpec, type OptionSpec } from '../command'

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
  const id = positiveId(ctx.positionals[0], 'events edit')
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
  const articleId = positiveId(ctx.positionals[0], 'events suggest')
  const rows: { id: number | null; json: SuggestionJson }[] = archive.readonly
    ? articleCandidates(db, articleId).map((c) => {
        const d = edtfBounds(c.edtf)!
        const { exact, prefix, suffix, start, end } = c.anchor
        return { id: null, json: { edtf: c.edtf, earliest: d.earliest, latest: d.latest, text: c.text, quote: { exact, prefix, suffix, start, end } } }
      })
    : suggestEvents(db, articleId).map((p) => ({ id: p.id, json: suggestionJson(p) }))
  const published = db.prepare<[number], { edtf: string | null }>('SELECT published_edtf AS edtf FROM articles WHERE id = ?').get(articleId)
  if (published?.edtf && /^XXXX-\d{2}-\d{2}/.test(published.edtf)) {
    ctx.io.err(
      `article ${articleId} was published in an unknown year, so dates keep their year unknown and weekdays and "last week" were skipped; give the year with: annalist article set-date ${articleId} YYYY-MM-DD\n`
    )
  } else if (!published?.edtf || !/^\d{4}-\d{2}-\d{2}/.test(published.edtf)) {
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

async function undoOrRedo(ctx: CommandContext, which: 'undo' | 'redo'): Promise<void> {
  const db = ctx.openArchive().db
  const r = which === 'undo' ? undo(db) : redo(db)
  if (ctx.values.json) return printJson(ctx.io, r)
  ctx.io.out(r.label === null ? `nothing to ${which}\n` : `${which === 'undo' ? 'undid' : 'redid'}: ${r.label}\n`)
}

const ID = { name: 'id', description: 'event id' }
const TITLE: OptionSpec = { name: 'title', value: 'text', description: 'what happened, in a line' }
const DATE: OptionSpec = { name: 'date', value: 'edtf', description: 'when, as EDTF: 2021-08-15, 2021-08-23~, 2021-08-30/2021-09-01' }
const STATUS: OptionSpec = { name: 'status', value: 'status', choices: CLAIM_STATUSES, description: 'status of the claim' }
const NOTE: OptionSpec = { name: 'note', value: 'text', description: 'free note' }
const CHRONOLOGIES: OptionSpec = { name: 'chronology', value: 'name', repeat: true, description: 'put the event in this chronology (created when missing)' }
/** Tags, people and places: lists when adding or editing, one filter each when listing. */
const LABELS: OptionSpec[] = [
  { name: 'tag', value: 'tag', repeat: true, description: 'tag' },
  { name: 'person', value: 'name', repeat: true, description: 'person involved' },
  { name: 'place', value: 'name', repeat: true, description: 'place' }
]

/** `annalist events …`: propose, add, list, edit and remove chronology events. */
export const eventsCommand: CommandSpec = {
  name: 'events',
  summary: 'Chronology events: suggest from an article, add, list, edit, merge, remove, undo',
  subcommands: [
    {
      name: 'suggest',
      summary: 'Dates an article reports, resolved against its publication date, each with its exact sentence',
      args: [{ name: 'articleId', description: 'article id' }],
      json: true,
      run: suggest
    },
    {
      name: 'add',
      summary: "Add an event; each quote is located in the article's clean text",
      json: true,
      options: [
        TITLE,
        DATE,
        STATUS,
        CHRONOLOGIES,
        { name: 'cite', value: 'articleId:"quote"', repeat: true, description: 'a passage that supports the event' },
        { name: 'contradict', value: 'articleId:"quote"', repeat: true, description: 'a passage that contradicts it' },
        ...LABELS,
        NOTE
      ],
      note: 'Needs --title and --date. A quote that is missing from the article, or found more than once, is refused.',
      run: add
    },
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List events in date order, filtered',
      json: true,
      options: [
        { ...CHRONOLOGIES, repeat: false, description: 'events of this chronology' },
        ...LABELS.map((o) => ({ ...o, repeat: false, description: `events with this ${o.description}` })),
        { ...STATUS, description: 'events with this status' },
        { name: 'from', value: 'yyyy-mm-dd', description: 'events that can fall on or after this day' },
        { name: 'to', value: 'yyyy-mm-dd', description: 'events that can fall on or before this day' }
      ],
      run: listCmd
    },
    {
      name: 'show',
      summary: 'One event with its citations',
      args: [ID],
      json: true,
      async run(ctx) {
        printEvent(ctx, getEvent(ctx.openArchiveReadonly().db, positiveId(ctx.positionals[0], 'events show')))
      }
    },
    {
      name: 'edit',
      summary: "Change an event's fields; a list option replaces the whole list",
      args: [ID],
      json: true,
      options: [TITLE, DATE, STATUS, NOTE, ...LABELS, CHRONOLOGIES],
      run: edit
    },
    {
      name: 'merge',
      summary: 'Merge the source event into the target (its citations, tags, people, places and chronologies move over)',
      args: [
        { name: 'targetId', description: 'the event that stays' },
        { name: 'sourceId', description: 'the event merged into it and removed' }
      ],
      json: true,
      async run(ctx) {
        const db = ctx.openArchive().db
        const targetId = positiveId(ctx.positionals[0], 'events merge <targetId>')
        printEvent(ctx, mergeEvents(db, { targetId, sourceId: positiveId(ctx.positionals[1], 'events merge <targetId> <sourceId>') }))
      }
    },
    {
      name: 'rm',
      aliases: ['delete'],
      summary: 'Remove an event (undo brings it back)',
      args: [ID],
      json: true,
      async run(ctx) {
        const e = deleteEvent(ctx.openArchive().db, positiveId(ctx.positionals[0], 'events rm'))
        if (ctx.values.json) return printJson(ctx.io, e)
        ctx.io.out(`deleted event ${e.id} "${e.title}" (undo with: annalist events undo)\n`)
      }
    },
    { name: 'undo', summary: 'Undo the last chronology edit', json: true, run: (ctx) => undoOrRedo(ctx, 'undo') },
    { name: 'redo', summary: 'Redo the last undone chronology edit', json: true, run: (ctx) => undoOrRedo(ctx, 'redo') }
  ]
}
