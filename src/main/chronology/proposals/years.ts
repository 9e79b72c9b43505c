/** English years chrono-node leaves out: after prepositions, as modifiers, in ranges, parts of a year. */
import { date } from './days'
import { BARE_YEAR, COUNT_AFTER, MODIFIED_WORD, PART_OF_YEAR, partMonths, YEAR_DETERMINER, YEAR_PREPOSITION, YEAR_RANGE } from './english'
import type { DateSink } from './sink'

/** Years after a preposition or as a modifier, ranges of years, parts of years (English). */
export function englishYears(x: DateSink): void {
  for (const m of x.text.matchAll(PART_OF_YEAR)) {
    const span = { start: m.index, end: m.index + m[0].length }
    if (!x.free(span)) continue
    const y = Number(m[2])
    const [from, to] = partMonths(m[1]!)
    x.addDate(span.start, span.end, { type: 'interval', start: date(y, from, null, true), end: date(y, to, null, true) })
  }
  for (const m of x.text.matchAll(YEAR_RANGE)) {
    const first = m[1] ?? m[3]!
    const secondWritten = m[2] ?? m[4]!
    const second = secondWritten.length === 2 ? Number(first.slice(0, 2) + secondWritten) : Number(secondWritten)
    if (second <= Number(first) || second - Number(first) > 50) continue
    const a = m.index + m[0].indexOf(first)
    const b = m.index + m[0].lastIndexOf(secondWritten)
    const whole = { start: m.index, end: m.index + m[0].length }
    if (!x.free(whole)) continue
    // Each end of the range is a date of its own, as a chronology needs both.
    x.addDate(a, a + first.length, date(Number(first), null, null))
    x.addDate(b, b + secondWritten.length, date(second, null, null))
  }
  for (const m of x.text.matchAll(BARE_YEAR)) {
    const span = { start: m.index, end: m.index + m[0].length }
    if (!x.free(span)) continue
    const before = x.text.slice(Math.max(0, span.start - 30), span.start)
    const after = x.text.slice(span.end, span.end + 30)
    const afterPreposition = YEAR_PREPOSITION.test(before) && !COUNT_AFTER.test(after)
    const modifier = YEAR_DETERMINER.test(before) && MODIFIED_WORD.test(after) && !COUNT_AFTER.test(after)
    // "the 1920's" is a decade, "2008's crash" a year.
    const decade = /0$/.test(m[1]!) && /^['’]s\b/.test(after) && /\b(?:the|early|mid|late)\s+$/i.test(before)
    if (decade) continue
    if (afterPreposition || modifier || /^['’]s\b/.test(after)) x.addDate(span.start, span.end, date(Number(m[1]), null, null))
  }
}
