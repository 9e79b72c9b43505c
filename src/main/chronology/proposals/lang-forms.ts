/** The date forms of other languages that chrono-node's locale parsers lack (see lang.ts). */
import { formatEdtf, isCalendarDate } from '../../../shared/edtf'
import { date, shift } from './days'
import { RU_NIGHT, type DateLanguage } from './lang'
import { weekOf, type DateSink } from './sink'

/** "в ночь на 14 марта" is the night from the 13th into the 14th; "в ночь с 13 на 14 марта" says both. */
export function russianNights(x: DateSink, lang: DateLanguage): void {
  for (const m of x.text.matchAll(RU_NIGHT)) {
    const g = m.groups!
    const span = { start: m.index, end: m.index + m[0].length }
    const month = lang.monthOf(g.m!)
    const to = Number(g.to)
    const y = g.y ? Number(g.y) : x.inferYear(month, to, span)
    if (y === null || !x.free(span) || !isCalendarDate(y, month, to)) continue
    const first = g.from ? { y, m: month, d: Number(g.from) } : shift({ y, m: month, d: to }, -1)
    if (!isCalendarDate(first.y, first.m, first.d) || formatEdtf(date(first.y, first.m, first.d)) >= formatEdtf(date(y, month, to))) continue
    x.addDate(span.start, span.end, { type: 'interval', start: date(first.y, first.m, first.d), end: date(y, month, to) })
  }
}

/** What chrono-node's locale lacks: a month or year after a preposition, relative units, the Russian night. */
export function languageForms(x: DateSink, lang: DateLanguage): void {
  if (lang.year) {
    for (const m of x.text.matchAll(lang.year)) {
      const span = { start: m.index, end: m.index + m[0].length }
      if (x.free(span)) x.addDate(span.start, span.end, date(Number(m.groups!.y), null, null))
    }
  }
  if (lang.monthAlone) {
    for (const m of x.text.matchAll(lang.monthAlone)) {
      const span = { start: m.index, end: m.index + m[0].length }
      const month = lang.monthOf(m.groups!.m!)
      const y = month > 0 ? x.inferYear(month, null, span) : null
      if (y !== null && x.free(span)) x.addDate(span.start, span.end, date(y, month, null))
    }
  }
  if (!x.refDay) return
  for (const form of lang.relative) {
    for (const m of x.text.matchAll(form.re)) {
      const span = { start: m.index, end: m.index + m[0].length }
      if (!x.free(span)) continue
      const written = m.groups?.n
      const n = form.ago ? (written && /^\d+$/.test(written) ? Number(written) : lang.numbers[written?.toLowerCase() ?? '']) : 1
      if (!n) continue
      const step = form.step * n
      const { y, m: mo } = x.refDay
      if (form.unit === 'year') x.addDate(span.start, span.end, date(y + step, null, null))
      else if (form.unit === 'month') {
        const t = new Date(Date.UTC(y, mo - 1 + step, 1))
        x.addDate(span.start, span.end, date(t.getUTCFullYear(), t.getUTCMonth() + 1, null))
      } else x.addDate(span.start, span.end, weekOf(shift(x.refDay, 7 * step)))
    }
  }
}
