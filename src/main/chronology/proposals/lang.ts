/**
 * How dates are read in each language the extractor knows: chrono-node's locale parser, the words
 * that turn a weekday or month into the previous or next one ("last", "dernier", "прошлый"), and
 * the forms chrono-node 2.10 lacks there — a month or year after a preposition ("im März", "en
 * 2009", "в 2009 году"), "last/next week|month|year" and "N years ago" in Spanish and Portuguese,
 * and the Russian night between two days ("в ночь на 14 марта").
 */
import type * as Chrono from 'chrono-node'
import { lazyRequire } from '../../platform/lazy-require'

/** chrono-node, loaded when a date is first read (see lazyRequire). */
export const chrono = lazyRequire<typeof Chrono>('chrono-node')

export type Unit = 'week' | 'month' | 'year'

/** A form chrono-node misses: a relative unit ("la semana pasada"), `ago` N units, or a night. */
export interface RelativeForm {
  re: RegExp
  unit: Unit
  /** Units to move from the reference: -1 last, 1 next; for `ago` forms the count is group `n`. */
  step: number
  ago?: boolean
}

export interface DateLanguage {
  code: string
  readonly parser: Chrono.Chrono
  /** Month names (any case form) as a regex source; `monthOf` maps a match to 1–12. */
  months: string
  monthOf: (name: string) => number
  /** Modifier words (regex alternations) next to a weekday or month meaning the previous, next or current one. */
  previous: string
  next: string
  thisOne: string
  /** A month alone after a preposition, the month in group `m`. */
  monthAlone: RegExp | null
  /** A year after a preposition or with a year word, the year in group `y`. */
  year: RegExp | null
  relative: RelativeForm[]
  /** Number words 1–12 for "ago" forms. */
  numbers: Record<string, number>
}

const flags = 'giu'

function months(stems: string[][]): { months: string; monthOf: (name: string) => number } {
  const source = `(?:${stems.flat().join('|')})\\p{L}*`
  return {
    months: source,
    monthOf: (name) => {
      const lower = name.toLowerCase()
      return stems.findIndex((alts) => alts.some((s) => new RegExp(`^${s}`, 'iu').test(lower))) + 1
    }
  }
}

const RU = months([['январ'], ['феврал'], ['март'], ['апрел'], ['ма[йяе]'], ['июн'], ['июл'], ['август'], ['сентябр'], ['октябр'], ['ноябр'], ['декабр']])
const DE = months([['januar', 'jänner'], ['februar'], ['märz'], ['april'], ['mai'], ['juni'], ['juli'], ['august'], ['september'], ['oktober'], ['november'], ['dezember']])
const FR = months([['janvier'], ['février'], ['mars'], ['avril'], ['mai'], ['juin'], ['juillet'], ['août'], ['septembre'], ['octobre'], ['novembre'], ['décembre']])
const ES = months([['enero'], ['febrero'], ['marzo'], ['abril'], ['mayo'], ['junio'], ['julio'], ['agosto'], ['se(?:p)?tiembre'], ['octubre'], ['noviembre'], ['diciembre']])
const PT = months([['janeiro'], ['fevereiro'], ['março'], ['abril'], ['maio'], ['junho'], ['julho'], ['agosto'], ['setembro'], ['outubro'], ['novembro'], ['dezembro']])

const YEAR = '(?<y>(?:1[89]|20)\\d\\d)'

const LANGUAGES: DateLanguage[] = [
  {
    code: 'ru',
    get parser() {
      return chrono().ru.casual
    },
    ...RU,
    previous: '(?:прошл|предыдущ|минувш)\\p{L}*',
    next: '(?:следующ|будущ|наступающ)\\p{L}*',
    thisOne: '(?:эт[оиу]|текущ)\\p{L}*',
    monthAlone: null, // chrono.ru reads "в марте"
    year: new RegExp(`(?<![\\p{L}\\d])${YEAR}\\s*(?:год\\p{L}*|г\\.)`, flags),
    relative: [],
    numbers: { один: 1, одну: 1, два: 2, две: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10 }
  },
  {
    code: 'de',
    get parser() {
      return chrono().de.casual
    },
    ...DE,
    previous: '(?:letzt|vergangen|vorig)\\p{L}*',
    next: '(?:nächst|kommend)\\p{L}*',
    thisOne: '(?:dies)\\p{L}*',
    monthAlone: new RegExp(`(?<!\\p{L})(?:im|seit|bis|ab|Anfang|Mitte|Ende)\\s+(?<m>${DE.months})(?![\\p{L}\\d]|\\s+\\d)`, flags),
    year: new RegExp(`(?<!\\p{L})(?:im\\s+Jahre?|seit|bis|ab|von|vor|nach|Anfang|Mitte|Ende)\\s+${YEAR}(?!\\d|[.,]\\d)`, flags),
    relative: [
      { re: /(?<!\p{L})(?:letzte|vergangene|vorige)\s+Woche(?!\p{L})/giu, unit: 'week', step: -1 },
      { re: /(?<!\p{L})(?:im\s+)?(?:letzten|vergangenen|vorigen)\s+Monat(?!\p{L})/giu, unit: 'month', step: -1 },
      { re: /(?<!\p{L})(?:im\s+)?(?:letzten|vergangenen|vorigen|letztes|vergangenes|voriges)\s+Jahre?s?(?!\p{L})/giu, unit: 'year', step: -1 },
      { re: /(?<!\p{L})(?:nächste|kommende)\s+Woche(?!\p{L})/giu, unit: 'week', step: 1 },
      { re: /(?<!\p{L})(?:im\s+)?(?:nächsten|kommenden)\s+Jahr(?!\p{L})/giu, unit: 'year', step: 1 },
      { re: /(?<!\p{L})vor\s+(?<n>\d{1,2}|\p{L}+)\s+Jahren(?!\p{L})/giu, unit: 'year', step: -1, ago: true },
      { re: /(?<!\p{L})vor\s+(?<n>\d{1,2}|\p{L}+)\s+Monaten(?!\p{L})/giu, unit: 'month', step: -1, ago: true }
    ],
    numbers: { einem: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10 }
  },
  {
    code: 'fr',
    get parser() {
      return chrono().fr.casual
    },
    ...FR,
    previous: '(?:derni[eè]re?|pass[ée]e?|précédente?)',
    next: '(?:prochaine?|suivante?)',
    thisOne: '(?:ce|cette)',
    monthAlone: new RegExp(`(?<!\\p{L})(?:en|au\\s+mois\\s+de|d[eè]s|depuis|début|mi-|fin)\\s*(?<m>${FR.months})(?![\\p{L}\\d]|\\s+\\d)`, flags),
    year: new RegExp(`(?<!\\p{L})(?:en|depuis|jusqu['’]en|d['’]ici|avant|après|dès|début|fin|l['’]année)\\s+${YEAR}(?!\\d|[.,]\\d)`, flags),
    relative: [],
    numbers: { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10 }
  },
  {
    code: 'es',
    get parser() {
      return chrono().es.casual
    },
    ...ES,
    previous: '(?:pasad[oa]|últim[oa]|anterior)',
    next: '(?:próxim[oa]|que viene|siguiente)',
    thisOne: '(?:este|esta)',
    monthAlone: null, // chrono.es reads "en marzo"
    year: new RegExp(`(?<!\\p{L})(?:en|desde|hasta|antes\\s+de|después\\s+de|el\\s+año)\\s+${YEAR}(?!\\d|[.,]\\d)`, flags),
    relative: [
      { re: /(?<!\p{L})(?:la\s+)?semana\s+pasada(?!\p{L})/giu, unit: 'week', step: -1 },
      { re: /(?<!\p{L})(?:el\s+)?mes\s+pasado(?!\p{L})/giu, unit: 'month', step: -1 },
      { re: /(?<!\p{L})(?:el\s+)?año\s+pasado(?!\p{L})/giu, unit: 'year', step: -1 },
      { re: /(?<!\p{L})(?:la\s+)?próxima\s+semana(?!\p{L})/giu, unit: 'week', step: 1 },
      { re: /(?<!\p{L})(?:el\s+)?próximo\s+año(?!\p{L})/giu, unit: 'year', step: 1 },
      { re: /(?<!\p{L})hace\s+(?<n>\d{1,2}|\p{L}+)\s+años?(?!\p{L})/giu, unit: 'year', step: -1, ago: true },
      { re: /(?<!\p{L})hace\s+(?<n>\d{1,2}|\p{L}+)\s+mes(?:es)?(?!\p{L})/giu, unit: 'month', step: -1, ago: true }
    ],
    numbers: { un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10 }
  },
  {
    code: 'pt',
    get parser() {
      return chrono().pt.casual
    },
    ...PT,
    previous: '(?:passad[oa]|últim[oa]|anterior)',
    next: '(?:próxim[oa]|que vem|seguinte)',
    thisOne: '(?:este|esta|nest[ea])',
    monthAlone: new RegExp(`(?<!\\p{L})(?:em|no\\s+mês\\s+de|desde|até|início\\s+de|fim\\s+de|meados\\s+de)\\s+(?<m>${PT.months})(?![\\p{L}\\d]|\\s+de\\s+\\d|\\s+\\d)`, flags),
    year: new RegExp(`(?<!\\p{L})(?:em|desde|até|antes\\s+de|depois\\s+de|no\\s+ano\\s+de)\\s+${YEAR}(?!\\d|[.,]\\d)`, flags),
    relative: [
      { re: /(?<!\p{L})(?:na\s+)?semana\s+passada(?!\p{L})/giu, unit: 'week', step: -1 },
      { re: /(?<!\p{L})(?:no\s+)?mês\s+passado(?!\p{L})/giu, unit: 'month', step: -1 },
      { re: /(?<!\p{L})(?:no\s+)?ano\s+passado(?!\p{L})/giu, unit: 'year', step: -1 },
      { re: /(?<!\p{L})(?:na\s+)?próxima\s+semana(?!\p{L})/giu, unit: 'week', step: 1 },
      { re: /(?<!\p{L})(?:no\s+)?próximo\s+ano(?!\p{L})/giu, unit: 'year', step: 1 },
      { re: /(?<!\p{L})há\s+(?<n>\d{1,2}|\p{L}+)\s+anos?(?!\p{L})/giu, unit: 'year', step: -1, ago: true },
      { re: /(?<!\p{L})há\s+(?<n>\d{1,2}|\p{L}+)\s+mes(?:es)?(?!\p{L})/giu, unit: 'month', step: -1, ago: true }
    ],
    numbers: { um: 1, uma: 1, dois: 2, duas: 2, três: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10 }
  }
]

/** The language's reading rules, or null for English (and any language it does not know). */
export function dateLanguage(code: string | null | undefined): DateLanguage | null {
  const primary = (code ?? '').toLowerCase().split(/[-_]/)[0]
  return LANGUAGES.find((l) => l.code === primary) ?? null
}

/** "в ночь на 14 марта" (the night before the 14th) and "в ночь с 13 на 14 марта". */
export const RU_NIGHT = new RegExp(`(?<!\\p{L})в\\s+ночь\\s+(?:с\\s+(?<from>\\d{1,2})\\s+)?на\\s+(?<to>\\d{1,2})\\s+(?<m>${RU.months})(?:\\s+${YEAR})?`, flags)
