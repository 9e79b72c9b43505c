/**
 * Actors offered for an event from the passages it cites: the people, organisations and places
 * named there that the event does not list yet. Pure.
 */
import type { EntitySummary, NamedKind } from '../../../shared/entities'

export type ActorSuggestions = Record<NamedKind, EntitySummary[]>

/** The names already typed into a comma-separated field, compared without case. */
function entered(list: string): Set<string> {
  return new Set(
    list
      .split(',')
      .map((s) => s.trim().toLocaleLowerCase())
      .filter(Boolean)
  )
}

/**
 * `found` (per cited passage, repeats allowed) grouped by kind, most mentioned first, without the
 * entities already named in the fields in any of their spellings, and without the dismissed ones.
 */
export function actorSuggestions(found: readonly EntitySummary[], fields: Record<NamedKind, string>, dismissed: ReadonlySet<number>): ActorSuggestions {
  const out: ActorSuggestions = { person: [], org: [], place: [] }
  const typed = { person: entered(fields.person), org: entered(fields.org), place: entered(fields.place) }
  const seen = new Set<number>()
  for (const e of [...found].sort((a, b) => b.mentions - a.mentions || a.id - b.id)) {
    if (seen.has(e.id) || dismissed.has(e.id) || e.hidden) continue
    seen.add(e.id)
    if ([e.name, ...e.aliases].some((a) => typed[e.kind].has(a.toLocaleLowerCase()))) continue
    out[e.kind].push(e)
  }
  return out
}

/** The field's list with `name` added at the end. */
export function withName(list: string, name: string): string {
  const kept = list.trim().replace(/,\s*$/, '')
  return kept ? `${kept}, ${name}` : name
}
