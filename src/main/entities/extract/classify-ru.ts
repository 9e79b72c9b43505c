import type { Candidate, Context } from './context'
import { spanKey } from './context'
import { foldYo } from './ru-forms'
import { RU_FUNCTION_WORDS, RU_LEGAL_FORMS, RU_ORG_CUE_STEMS, RU_ORG_HEAD_STEMS, RU_REGION_NOUN_STEMS, RU_TITLE_STEMS } from './lexicon-ru'

/** Patronymics in any case: Владимирович, Владимировича, Петровна, Ильичом. */
/** Adjective endings of a capitalised word that is not a surname when a noun follows: Московской, Белгородская. */
const ADJECTIVE = /^[А-ЯЁ][а-яё]+(?:ск|цк|н)(?:ая|ой|ую|ий|ого|ому|им|ом|ое|ие|их)$/u

const PATRONYMIC = /^[А-ЯЁ][а-яё]+(?:ович|евич|ич|овн|евн|ичн|иничн)(?:а|у|ем|ом|е|ой|ы|ею|ю)?$/u
/** Surnames by their endings, in any case: Иванов, Иванова, Ивановым, Достоевского, Петровской. */
const SURNAME = /^[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ск|цк)(?:а|у|ым|ом|е|ой|ую|ого|ому|им|ий|ая|ых|ые)?$/u
const INITIAL = /^[А-ЯЁ]\.$/u

const startsWithAny = (word: string, stems: string[]): boolean => stems.some((s) => word.startsWith(s))

/** The lower-case word before token i, if it is right before it (no punctuation between). */
function cueBefore(ctx: Context, i: number): string | null {
  const prev = ctx.tokens[i - 1]
  if (!prev || !/^[\s«"„]*$/u.test(ctx.tokens[i]!.gap)) return null
  return prev.text
}

/**
 * Candidates in a Cyrillic capitalised run. Evidence, strongest first: the gazetteer in any case
 * form; a legal form or organisation word before it (ООО, компания, партия); an organisation's own
 * head word (Министерство, Госдума); a title before it (президент, министра); a patronymic, an
 * initial, or a known first name with a surname-like word; an acronym.
 */
export function classifyRussian(ctx: Context, first: number, last: number, titleCue = true): Candidate[] {
  const tok = ctx.tokens
  let a = first
  while (a <= last && RU_FUNCTION_WORDS.has(foldYo(tok[a]!.text.toLowerCase()))) a++
  if (a > last) return []
  let titled = false
  if (a < last && startsWithAny(foldYo(tok[a]!.text.toLowerCase()), RU_TITLE_STEMS)) {
    a++
    titled = true
  } else if (a === first && tok[a]!.sentStart && a < last && !nameLike(ctx, a)) a++
  if (a < last && RU_LEGAL_FORMS.has(tok[a]!.text)) return [{ first: a + 1, last, kind: 'org', sure: true, place: null }]
  const b = last
  // "Белгородской области", "Московской бирже": an adjective before a lower-case noun names a region or a body.
  if (a === b && ADJECTIVE.test(tok[a]!.text)) {
    const noun = tok[a + 1]
    const nounWord = noun && !noun.cap && /^ $/.test(noun.gap) ? foldYo(noun.text.toLowerCase()) : ''
    if (nounWord && startsWithAny(nounWord, RU_REGION_NOUN_STEMS)) return [{ first: a, last: a + 1, kind: 'place', sure: true, place: null }]
    if (nounWord && startsWithAny(nounWord, RU_ORG_HEAD_STEMS)) return [{ first: a, last: orgTail(ctx, a), kind: 'org', sure: true, place: null }]
    if (nounWord && !VERB.test(nounWord)) return []
  }
  // "России Владимир Путин": a place at the front of a longer run is a name of its own.
  for (let k = a; k < b; k++) {
    const front = ctx.gaz.ru.get(foldYo(spanKey(ctx, a, k)))
    if (front) return [{ first: a, last: k, kind: 'place', sure: true, place: front }, ...classifyRussian(ctx, k + 1, b)]
  }
  const key = foldYo(spanKey(ctx, a, b))
  const make = (kind: Candidate['kind'], sure: boolean, place: Candidate['place'] = null): Candidate[] => [
    { first: a, last: b, kind, sure, place }
  ]
  const place = ctx.gaz.ru.get(key)
  if (place) return make('place', true, place)
  const cue = cueBefore(ctx, a)
  const cueLower = cue ? foldYo(cue.toLowerCase()) : ''
  if (cue && (RU_LEGAL_FORMS.has(cue) || (cue === cueLower && startsWithAny(cueLower, RU_ORG_CUE_STEMS)))) return make('org', true)
  const words = tok.slice(a, b + 1).map((t) => foldYo(t.text))
  // "Газпрома Алексей Миллер": a given name inside the run starts the person.
  for (let k = a + 1; k <= b; k++) {
    if (ctx.firstNames.has(words[k - a]!)) return [...classifyRussian(ctx, a, k - 1, false), { first: k, last: b, kind: 'person', sure: true, place: null }]
  }
  const head = foldYo(tok[a]!.text.toLowerCase())
  // One generic word at a sentence start ("Компания …") is not a name; "Госдума", "Сбербанк" inside one are.
  if (startsWithAny(head, RU_ORG_HEAD_STEMS)) {
    const tail = orgTail(ctx, b)
    if (b > a || tail > b || !tok[a]!.sentStart) return [{ first: a, last: tail, kind: 'org', sure: true, place: null }]
  }
  if (words.some((w) => PATRONYMIC.test(w))) return make('person', true)
  if (b > a && (INITIAL.test(words[0]!) || ctx.firstNames.has(words[0]!))) return make('person', true)
  if ((titled || (titleCue && cue && cue === cueLower && startsWithAny(cueLower, RU_TITLE_STEMS))) && b - a <= 2) return make('person', true)
  if (b > a && words.some((w) => SURNAME.test(w))) return make('person', false)
  if (a === b && tok[a]!.caps) return make('org', false)
  if (a === b && SURNAME.test(words[0]!)) return make('person', false)
  return make(null, false)
}

/** Verb endings: a lower-case word so ending is the sentence going on, not the name ("дел" is "of affairs"). */
const VERB = /(?:л|ла|ло|ли|ет|ит|ут|ют|ят|ат|ть|ся|сь|ем|им)$/u
const NOT_VERBS = new Set(['дел'])

/** A sentence's first word that is a name by itself: a given name, a place, an organisation's head, a name's shape. */
function nameLike(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i]!
  const w = foldYo(t.text)
  return (
    t.caps ||
    ctx.firstNames.has(w) ||
    ctx.gaz.ru.has(w) ||
    INITIAL.test(w) ||
    PATRONYMIC.test(w) ||
    SURNAME.test(w) ||
    startsWithAny(w.toLowerCase(), RU_ORG_HEAD_STEMS) ||
    RU_LEGAL_FORMS.has(w)
  )
}

/**
 * An organisation's name goes on in lower case: "Министерство обороны", "Государственная дума",
 * "Министерство иностранных дел" (up to three words, none a verb or a function word).
 */
function orgTail(ctx: Context, b: number): number {
  let end = b
  for (let i = b + 1; i <= b + 3; i++) {
    const t = ctx.tokens[i]
    if (!t || t.cap || !t.cyr || !/^ $/.test(t.gap) || t.text.length < 3) break
    const w = foldYo(t.text.toLowerCase())
    if (RU_FUNCTION_WORDS.has(w) || (VERB.test(w) && !NOT_VERBS.has(w))) break
    end = i
    if (ctx.tokens[i]!.closes) break
  }
  return end
}
