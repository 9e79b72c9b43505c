/** Grouping events under month (or year) headings. Pure. */
import type { ChronologyEvent } from '../../../shared/chronology'

export interface EventGroup {
  /** `YYYY-MM`, or `YYYY` for events known only to the year. */
  key: string
  events: ChronologyEvent[]
}

/**
 * The heading an event sits under: its month, or its year when it is not known to the month, or
 * `XXXX` ("Year unknown") when its year is unknown.
 */
export function groupKey(e: Pick<ChronologyEvent, 'date'>): string {
  if (e.date.edtf.startsWith('XXXX')) return 'XXXX'
  const m = /^(\d{4})(-\d{2})?/.exec(e.date.edtf)
  if (!m) return e.date.earliest.slice(0, 7)
  return m[2] ? `${m[1]}${m[2]}` : m[1]!
}

/** Consecutive runs of events sharing a heading, in the given (chronological) order. */
export function groupEvents(events: readonly ChronologyEvent[]): EventGroup[] {
  const groups: EventGroup[] = []
  for (const e of events) {
    const key = groupKey(e)
    const last = groups[groups.length - 1]
    if (last && last.key === key) last.events.push(e)
    else groups.push({ key, events: [e] })
  }
  return groups
}
