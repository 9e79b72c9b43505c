/** What every renderer takes: the selected events in order, and where they came from. */
import type { Chronology, ChronologyEvent, Citation } from '../../shared/chronology'
import type { ExportOptions } from '../../shared/export'

/** The chronology metadata an export prints; null when exporting every event in the archive. */
export type ExportChronology = Pick<Chronology, 'id' | 'name' | 'description'>

export interface ExportInput {
  chronology: ExportChronology | null
  /** Already filtered and sorted by `selectEvents`. */
  events: ChronologyEvent[]
  options: ExportOptions
}

/** Options with their defaults filled in, so renderers never guess. */
export interface ResolvedOptions {
  title: string
  preamble: string
  quotes: boolean
  group: 'none' | 'year' | 'month'
  links: boolean
  bibliography: boolean
  bothSides: boolean
  generatedAt: string | null
  formulaGuard: boolean
  bom: boolean
}

/** Fills in defaults: title from the chronology name, preamble from its description. */
export function resolveOptions(input: Pick<ExportInput, 'chronology' | 'options'>): ResolvedOptions {
  const o = input.options
  const title = o.title?.trim() || input.chronology?.name.trim() || 'Chronology'
  return {
    title,
    preamble: o.preamble ?? input.chronology?.description ?? '',
    quotes: o.quotes ?? true,
    group: o.group ?? 'month',
    links: o.links ?? false,
    bibliography: o.bibliography ?? false,
    bothSides: o.bothSides ?? true,
    generatedAt: o.generatedAt ?? null,
    formulaGuard: o.formulaGuard ?? true,
    bom: o.bom ?? false
  }
}

/** The citations an export shows for an event: all of them, or only the supporting side. */
export function exportedCitations(event: ChronologyEvent, o: Pick<ResolvedOptions, 'bothSides'>): Citation[] {
  return o.bothSides ? event.citations : event.citations.filter((c) => c.stance === 'supports')
}

/** The people, organisations and places an event names, labelled, in that order; empty lists left out. */
export function eventActors(event: Pick<ChronologyEvent, 'people' | 'organisations' | 'places'>): { label: string; names: string[] }[] {
  const all = [
    { label: 'People', names: event.people },
    { label: 'Organisations', names: event.organisations },
    { label: 'Places', names: event.places }
  ]
  return all.filter((a) => a.names.length > 0)
}
