/** Month and weekday names in the languages whose datelines and dates the analyser reads. */

import { escapeRegExp } from '../../../shared/regexp'

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'janvier', 'januar', 'enero', 'gennaio', 'janeiro', 'января', 'янв', 'январь', 'січня'],
  ['february', 'feb', 'février', 'fevrier', 'februar', 'febrero', 'febbraio', 'fevereiro', 'февраля', 'фев', 'февраль', 'лютого'],
  ['march', 'mar', 'mars', 'märz', 'marz', 'marzo', 'março', 'марта', 'мар', 'март', 'березня'],
  ['april', 'apr', 'avril', 'abril', 'aprile', 'апреля', 'апр', 'апрель', 'квітня'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'мая', 'май', 'травня'],
  ['june', 'jun', 'juin', 'juni', 'junio', 'giugno', 'junho', 'июня', 'июн', 'июнь', 'червня'],
  ['july', 'jul', 'juillet', 'juli', 'julio', 'luglio', 'julho', 'июля', 'июл', 'июль', 'липня'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'августа', 'авг', 'август', 'серпня'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'setembro', 'сентября', 'сен', 'сентябрь', 'вересня'],
  ['october', 'oct', 'octobre', 'oktober', 'octubre', 'ottobre', 'outubro', 'октября', 'окт', 'октябрь', 'жовтня'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'ноября', 'ноя', 'ноябрь', 'листопада'],
  ['december', 'dec', 'décembre', 'decembre', 'dezember', 'diciembre', 'dicembre', 'dezembro', 'декабря', 'дек', 'декабрь', 'грудня']
]

const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['sunday', 'sun', 'dimanche', 'sonntag', 'domingo', 'domenica', 'воскресенье', 'неділя', 'неділю'],
  ['monday', 'mon', 'lundi', 'montag', 'lunes', 'lunedì', 'segunda-feira', 'понедельник', 'понеділок'],
  ['tuesday', 'tue', 'tues', 'mardi', 'dienstag', 'martes', 'martedì', 'terça-feira', 'вторник', 'вівторок'],
  ['wednesday', 'wed', 'mercredi', 'mittwoch', 'miércoles', 'mercoledì', 'quarta-feira', 'среду', 'среда', 'середу', 'середа'],
  ['thursday', 'thu', 'thurs', 'jeudi', 'donnerstag', 'jueves', 'giovedì', 'quinta-feira', 'четверг', 'четвер'],
  ['friday', 'fri', 'vendredi', 'freitag', 'viernes', 'venerdì', 'sexta-feira', 'пятницу', 'пятница', 'пʼятницю', "п'ятницю", 'пʼятниця'],
  ['saturday', 'sat', 'samedi', 'samstag', 'sábado', 'sabato', 'субботу', 'суббота', 'суботу', 'субота']
]

function lookup(table: readonly (readonly string[])[]): Map<string, number> {
  const map = new Map<string, number>()
  table.forEach((names, index) => names.forEach((n) => map.set(n, index)))
  return map
}

const MONTHS = lookup(MONTH_NAMES)
const WEEKDAYS = lookup(WEEKDAY_NAMES)

// Lower, Capitalised and UPPER forms are spelled out so that the patterns work without the `i`
// flag, which would also make the surrounding patterns (capitalised place names) case-blind.
const alternation = (table: readonly (readonly string[])[]): string =>
  [...new Set(table.flat().flatMap((n) => [n, n[0]!.toUpperCase() + n.slice(1), n.toUpperCase()]))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')

/** Regex source matching any month name or abbreviation (case variants included; use the `u` flag). */
export const MONTH_PATTERN = alternation(MONTH_NAMES)
/** Regex source matching any weekday name (case variants included; use the `u` flag). */
export const WEEKDAY_PATTERN = alternation(WEEKDAY_NAMES)

/** Month number 1–12 of a month name or abbreviation (a trailing dot is ignored), else null. */
export function monthNumber(name: string): number | null {
  const m = MONTHS.get(name.toLowerCase().replace(/\.$/, ''))
  return m === undefined ? null : m + 1
}

/** Weekday number 0 (Sunday) – 6 of a weekday name, else null. */
export function weekdayNumber(name: string): number | null {
  const d = WEEKDAYS.get(name.toLowerCase().replace(/\.$/, ''))
  return d === undefined ? null : d
}

/** Weekday 0 (Sunday) – 6 of a calendar date. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay()
}
