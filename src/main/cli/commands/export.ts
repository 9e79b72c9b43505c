import { CLAIM_STATUSES, type ClaimStatus } from '../../../shared/chronology'
import { EXPORT_FORMATS, EXPORT_GROUPINGS, type ExportFormat, type ExportGrouping, type ExportOptions } from '../../../shared/export'
import { AnnalistError } from '../../../shared/errors'
import { oneOf, texts } from '../args'
import type { CommandSpec } from '../command'
import { writeFileAtomic } from '../files'

/** `annalist export`: the chronology as Markdown (default), CSV, JSON, TimelineJS or CSL-JSON; the archive as FollowTheMoney. */
export const exportCommand: CommandSpec = {
  name: 'export',
  summary: 'Export a chronology (or all events) as Markdown with footnotes, CSV, JSON, TimelineJS or CSL-JSON, or the archive as FollowTheMoney (ftm)',
  note: "Writes to stdout unless --out is given; DATE is EDTF (2021, 2021-08, 2021-08-15). CSV: cells that would run as spreadsheet formulas get a leading ' unless --no-formula-guard.",
  options: [
    { name: 'chronology', value: 'name', description: 'export this chronology (default: every event)' },
    { name: 'format', short: 'f', value: 'format', choices: EXPORT_FORMATS, description: 'output format (default: md)' },
    { name: 'out', short: 'o', value: 'file', path: true, description: 'write to FILE (atomically) instead of stdout' },
    { name: 'from', value: 'date', description: 'events from DATE on' },
    { name: 'to', value: 'date', description: 'events up to DATE' },
    { name: 'tag', value: 'tag', repeat: true, description: 'only events with any of these tags' },
    { name: 'status', value: 'status', repeat: true, choices: CLAIM_STATUSES, description: 'only events with any of these statuses' },
    { name: 'no-quotes', description: 'leave the quoted passages out (locators stay)' },
    { name: 'group', value: 'grouping', choices: EXPORT_GROUPINGS, description: 'Markdown sections (default: month)' },
    { name: 'links', description: 'add annalist://article links for readers who have the app' },
    { name: 'bibliography', description: 'a list of the cited articles at the end of the Markdown' },
    { name: 'supporting-only', description: 'leave out contradicting citations' },
    { name: 'title', value: 'text', description: 'document title (default: the chronology name)' },
    { name: 'preamble', value: 'text', description: 'text before the first event (default: the chronology description)' },
    { name: 'no-formula-guard', description: "CSV: leave cells starting with = + - @ as they are (no leading ')" },
    { name: 'bom', description: 'CSV: start with a UTF-8 byte-order mark (for Excel)' }
  ],
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new AnnalistError('invalid-argument', `unexpected argument "${ctx.positionals[0]}"; name a chronology with --chronology`)
    const v = ctx.values
    const format = oneOf<ExportFormat>(v.format as string | undefined, EXPORT_FORMATS, 'format') ?? 'md'
    const statuses = (texts(v, 'status') ?? []).map((s) => oneOf<ClaimStatus>(s, CLAIM_STATUSES, 'status')!)
    const { api } = ctx.backend('read')
    const options: ExportOptions = {
      from: v.from as string | undefined,
      to: v.to as string | undefined,
      group: oneOf<ExportGrouping>(v.group as string | undefined, EXPORT_GROUPINGS, 'group'),
      title: v.title as string | undefined,
      preamble: v.preamble as string | undefined
    }
    if (v.chronology !== undefined) options.chronologyId = (await api.findChronology({ name: String(v.chronology) })).id
    const tags = texts(v, 'tag')
    if (tags) options.tags = tags
    if (statuses.length) options.statuses = statuses
    if (v['no-quotes']) options.quotes = false
    if (v.links) options.links = true
    if (v.bibliography) options.bibliography = true
    if (v['supporting-only']) options.bothSides = false
    if (v['no-formula-guard']) options.formulaGuard = false
    if (v.bom) options.bom = true
    for (const key of Object.keys(options) as (keyof ExportOptions)[]) if (options[key] === undefined) delete options[key]
    const result = await api.exportChronology({ format, options })
    if (v.out === undefined) {
      ctx.io.out(result.content)
      return
    }
    const file = writeFileAtomic(String(v.out), result.content)
    ctx.io.err(`wrote ${file}\n`)
  }
}
