import type { AnnalistClient } from '../../../shared/api'
import {
  CLAIM_STATUSES,
  isDisputed,
  type ChronologyEvent,
  type CitationInput,
  type ClaimStatus,
  type DatedPassage,
  type EventQuery,
  type Stance
} from '../../../shared/chronology'
import { deriveEdtf, EdtfError, humanizeEdtfString } from '../../../shared/edtf'
import { AnnalistError } from '../../../shared/errors'
import { positiveId, text, texts } from '../args'
import { printJson, type CommandContext, type CommandSpec, type OptionSpec } from '../command'

/** The `events suggest --json` shape of one proposal. */
export interface SuggestionJson {
  edtf: string
  earliest: string
  latest: string
  text: string
  quote: { exact: string; prefix: string; suffix: string; start: number; end: number }
}

/** Maps a stored or previewed proposal to the documented `events suggest --json` shape. */
export function suggestionJson(p: DatedPassage): SuggestionJson {
  const { exact, prefix, suffix, start, end } = p.anchor
  return { edtf: p.date.edtf, earliest: p.date.earliest, latest: p.date.latest, text: p.text, quote: { exact, prefix, suffix, start, end } }
}

function status(ctx: CommandContext): ClaimStatus | undefined {
  const s = text(ctx.values, 'status')
  if (s === undefined) return undefined
  if (!(CLAIM_STATUSES as readonly string[]).includes(s)) throw new AnnalistError('invalid-argument', `unknown status "${s}"; use ${CLAIM_STATUSES.join(', ')}`)
  return s as ClaimStatus
}

/** `12:"quoted words"` → a citation located in article 12's clean text. */
async function parseCite(api: AnnalistClient, spec: string, stance: Stance): Promise<CitationInput> {
  const m = /^\s*(\d+)\s*:(.*)$/s.exec(spec)
  if (!m) throw new AnnalistError('invalid-argument', `--cite takes <articleId>:"<quote>", got "${spec}"`)
  const articleId = Number(m[1])
  const quote = m[2]!.trim().replace(/^["“](.*)["”]$/s, '$1').trim()
  if (quote === '') throw new AnnalistError('invalid-argument', `empty quote for article ${articleId} in "${spec}"`)
  const { start, end } = await api.locateQuote({ articleId, quote })
  return { articleId, start, end, stance }
}

async function citations(api: AnnalistClient, ctx: CommandContext): Promise<CitationInput[]> {
  const cite = (specs: string[] | undefined, stance: Stance): Promise<CitationInput>[] => (specs ?? []).map((s) => parseCite(api, s, stance))
  return Promise.all([...cite(texts(ctx.values, 'cite'), 'supports'), ...cite(texts(ctx.values, 'contradict'), 'contradicts')])
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

/** The ids of the --chronology names; missing ones are created (and said so on stderr). */
async function chronologyIds(api: AnnalistClient, ctx: CommandContext): Promise<number[] | undefined> {
  const names = texts(ctx.values, 'chronology')
  if (!names) return undefined
  const ids: number[] = []
  for (const name of names) {
    try {
      ids.push((await api.findChronology({ name })).id)
    } catch (err) {
      if (!(err instanceof AnnalistError) || err.code !== 'not-found') throw err
      ctx.io.err(`created chronology "${name}"\n`)
      ids.push((await api.createChronology({ name })).id)
    }
  }
  return ids
}

async function add(ctx: CommandContext): Promise<void> {
  const title = text(ctx.values, 'title')
  const date = text(ctx.values, 'date')
  if (!title || !date) throw new AnnalistError('invalid-argument', 'events add needs --title and --date (EDTF, e.g. 2021-08-15 or 2021-08-23~)')
  // Checked before a missing --chronology is created, so a bad date leaves nothing behind.
  try {
    deriveEdtf(date)
  } catch (err) {
    throw err instanceof EdtfError ? new AnnalistError('invalid-argument', err.message) : err
  }
  const { api } = ctx.backend('write')
  const cited = await citations(api, ctx)
  const event = await api.createEvent({
    title,
    date,
    status: status(ctx),
    note: text(ctx.values, 'note'),
    tags: texts(ctx.values, 'tag'),
    people: texts(ctx.values, 'person'),
    places: texts(ctx.values, 'place'),
    chronologyIds: await chronologyIds(api, ctx),
    citations: cited
  })
  printEvent(ctx, event)
}

async function edit(ctx: CommandContext): Promise<void> {
  const id = positiveId(ctx.positionals[0], 'events edit')
  const { api } = ctx.backend('write')
  const event = await api.updateEvent({
    id,
    title: text(ctx.values, 'title'),
    date: text(ctx.values, 'date'),
    status: status(ctx),
    note: text(ctx.values, 'note'),
    tags: texts(ctx.values, 'tag'),
    people: texts(ctx.values, 'person'),
    places: texts(ctx.values, 'place'),
    chronologyIds: await chronologyIds(api, ctx)
  })
  printEvent(ctx, event)
}

async function listCmd(ctx: CommandContext): Promise<void> {
  const { api } = ctx.backend('read')
  const name = text(ctx.values, 'chronology')
  const query: EventQuery = {
    chronologyId: name === undefined ? undefined : (await api.findChronology({ name })).id,
    tag: text(ctx.values, 'tag'),
    person: text(ctx.values, 'person'),
    place: text(ctx.values, 'place'),
    status: status(ctx),
    from: text(ctx.values, 'from'),
    to: text(ctx.values, 'to')
  }
  const events = await api.listEvents(query)
  if (ctx.values.json) return printJson(ctx.io, events)
  for (const e of events) ctx.io.out(eventLine(e) + '\n')
  ctx.io.out(`${events.length} event${events.length === 1 ? '' : 's'}\n`)
}

async function suggest(ctx: CommandContext): Promise<void> {
  const articleId = positiveId(ctx.positionals[0], 'events suggest')
  // While the app holds the archive, proposals are computed and shown but not stored.
  const backend = ctx.backend('read')
  const { api } = backend
  const rows: { id: number | null; json: SuggestionJson }[] = backend.readonly
    ? (await api.previewEvents({ articleId })).map((p) => ({ id: null, json: suggestionJson(p) }))
    : (await api.suggestEvents({ articleId })).map((p) => ({ id: p.id, json: suggestionJson(p) }))
  const published = (await api.getArticle({ id: articleId })).published?.edtf
  if (published && /^XXXX-\d{2}-\d{2}/.test(published)) {
    ctx.io.err(
      `article ${articleId} was published in an unknown year, so dates keep their year unknown and weekdays and "last week" were skipped; give the year with: annalist article set-date ${articleId} YYYY-MM-DD\n`
    )
  } else if (!published || !/^\d{4}-\d{2}-\d{2}/.test(published)) {
    ctx.io.err(
      `article ${articleId} has no day-precision publication date, so weekdays and "last week" were skipped; set one with: annalist article set-date ${articleId} YYYY-MM-DD\n`
    )
  }
  if (backend.readonly) ctx.io.err('the archive is open in the app: proposals shown, not stored\n')
  if (ctx.values.json) return printJson(ctx.io, rows.map((r) => r.json))
  for (const { id, json } of rows) {
    ctx.io.out(`${String(id ?? '-').padStart(5)}  ${json.edtf.padEnd(24)} ${humanizeEdtfString(json.edtf)}\n       “${json.quote.exact}”\n`)
  }
  ctx.io.out(`${rows.length} proposal${rows.length === 1 ? '' : 's'}\n`)
}

async function undoOrRedo(ctx: CommandContext, which: 'undo' | 'redo'): Promise<void> {
  const { api } = ctx.backend('write')
  const r = which === 'undo' ? await api.undo({}) : await api.redo({})
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
        printEvent(ctx, await ctx.backend('read').api.getEvent({ id: positiveId(ctx.positionals[0], 'events show') }))
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
        const targetId = positiveId(ctx.positionals[0], 'events merge <targetId>')
        const sourceId = positiveId(ctx.positionals[1], 'events merge <targetId> <sourceId>')
        printEvent(ctx, await ctx.backend('write').api.mergeEvents({ targetId, sourceId }))
      }
    },
    {
      name: 'rm',
      aliases: ['delete'],
      summary: 'Remove an event (undo brings it back)',
      args: [ID],
      json: true,
      async run(ctx) {
        const e = await ctx.backend('write').api.deleteEvent({ id: positiveId(ctx.positionals[0], 'events rm') })
        if (ctx.values.json) return printJson(ctx.io, e)
        ctx.io.out(`deleted event ${e.id} "${e.title}" (undo with: annalist events undo)\n`)
      }
    },
    { name: 'undo', summary: 'Undo the last chronology edit', json: true, run: (ctx) => undoOrRedo(ctx, 'undo') },
    { name: 'redo', summary: 'Redo the last undone chronology edit', json: true, run: (ctx) => undoOrRedo(ctx, 'redo') }
  ]
}
