import type { Candidate, Context } from './context'
import { METROPOLIS } from './gazetteer'
import { spanKey } from './context'
import {
  CALENDAR_WORDS,
  COMPASS,
  EVENT_WORDS,
  GOVERNMENT_WORDS,
  FUNCTION_WORDS,
  NOT_ORG_ACRONYMS,
  FOR_HEADS,
  ORG_HEADS,
  ORG_SUFFIXES,
  PLACE_SUFFIXES,
  TITLES,
  TITLE_ONLY
} from './lexicon-en'

const INITIAL = /^\p{Lu}\.$/u

/**
 * A capitalised word that cannot be part of a name: a function word, a month or day. A given name
 * that is also a function word ("May", "Will") stays inside a run after a name ("Theresa May").
 */
function breaks(ctx: Context, i: number, first: number): boolean {
  const t = ctx.tokens[i]!
  if (i > first && ctx.firstNames.has(t.text) && !breaks(ctx, i - 1, first)) return false
  // "US$40": a currency's country prefix is no mention of the country.
  if (ctx.text[t.end] === '$') return true
  return (t.cap && !t.caps && FUNCTION_WORDS.has(t.text.toLowerCase())) || CALENDAR_WORDS.has(t.text)
}

/** Known as a name on its own (so its capital at a sentence start is not just the sentence's). */
function listed(ctx: Context, word: string): boolean {
  return ctx.gaz.places.has(word) || ctx.gaz.demonyms.has(word)
}

/**
 * Candidates in an English capitalised run: function words and months cut it, a common word
 * capitalised only because it starts the sentence is dropped, the rest is classified.
 */
export function classifyEnglish(ctx: Context, first: number, last: number): Candidate[] {
  const out: Candidate[] = []
  let a = first
  for (let i = first; i <= last + 1; i++) {
    if (i <= last && !breaks(ctx, i, first)) continue
    let s = a
    const t = ctx.tokens[s]
    if (t && s < i && t.sentStart && !t.caps && ctx.lower.has(t.text.toLowerCase()) && !listed(ctx, t.text)) s++
    if (s < i) out.push(...segment(ctx, s, i - 1))
    a = i + 1
  }
  return out
}

/** The end of a title run starting at i ("Chief Executive Officer"), or -1 when i starts none. */
function titleRun(ctx: Context, i: number, last: number): number {
  let j = i
  let core = false
  while (j <= last) {
    const w = ctx.tokens[j]!.text
    if (TITLES.has(w)) {
      if (!TITLE_ONLY.has(w)) core = true
      j++
    } else if (core && w === 'of' && j + 1 <= last) {
      // "Secretary of State Antony Blinken", "Minister of Finance Jan Vesk": the portfolio is part of the title.
      j += 2
    } else break
  }
  return core ? j - 1 : -1
}

/** "KABUL" in a dateline: a shouted word is looked up as the name it spells. */
const unshout = (key: string): string => key.replace(/\p{Lu}{2,}/gu, (w) => w[0] + w.slice(1).toLowerCase())

function segment(ctx: Context, a: number, b: number): Candidate[] {
  const tok = ctx.tokens
  const key = spanKey(ctx, a, b)
  const lastWord = tok[b]!.text
  const make = (kind: Candidate['kind'], sure: boolean, place: Candidate['place'] = null, first = a): Candidate[] => [
    { first, last: b, kind, sure, place }
  ]
  // "the West", "the South": a compass point after "the", alone, is a region ("the West Bank" is a longer run).
  if (a === b && COMPASS.has(lastWord) && !/ern$/.test(lastWord) && /^the$/i.test(tok[a - 1]?.text ?? '') && /^\s+$/.test(tok[a]!.gap)) {
    return make('place', true)
  }
  const named = ctx.gaz.places.get(key) ?? (tok[a]!.caps && key.length > 3 ? ctx.gaz.places.get(unshout(key)) : undefined)
  // "Washington state", "New York state": the name alone is the city, with "state" after it the state.
  const entry = named?.type === 'city' && tok[b + 1]?.text === 'state' && /^\s+$/.test(tok[b + 1]!.gap) ? (ctx.gaz.states.get(key) ?? named) : named
  // A town large enough to take its name from a state ("New York City-based") is as sure a place.
  if (entry && (entry.type !== 'city' || entry.population >= METROPOLIS)) return make('place', true, entry)
  if (EVENT_WORDS.has(lastWord) || NOT_ORG_ACRONYMS.has(key)) return make('none', true)
  // "Americans", "Singaporeans": groups of people, not the place.
  if (a === b && key.endsWith('s') && ctx.gaz.demonyms.has(key.slice(0, -1))) return make('none', true)
  // "the Canadian Government", "US Administration": a country's government counts as the place.
  if (b > a && GOVERNMENT_WORDS.has(lastWord)) {
    const country = placeOrDemonym(ctx, a, b - 1)
    if (country) return make('place', true, country)
  }
  if (b > a && ORG_SUFFIXES.has(lastWord)) return make('org', true)
  // "Bank of Vantoria": Bank is also a given name, the head and its "of" say organisation.
  if (b > a && ORG_HEADS.has(tok[a]!.text) && tok[a + 1]!.text === 'of') return make('org', true)
  // The chunker joined "for" only after a body's word: "United Islamic Front for the Salvation of Afghanistan".
  for (let k = a + 1; k < b; k++) if (tok[k]!.text === 'for' && FOR_HEADS.has(tok[k - 1]!.text)) return make('org', true)
  for (let k = a; k <= b; k++) {
    const end = titleRun(ctx, k, b)
    if (end < 0) continue
    const parts: Candidate[] = []
    if (k > a) parts.push(...segment(ctx, a, k - 1))
    // "Prime Minister of Canada": the country in a title is still a place.
    for (let j = k + 2; j <= end; j++) {
      const country = tok[j - 1]!.text === 'of' ? placeOrDemonym(ctx, j, j) : null
      if (country) parts.push({ first: j, last: j, kind: 'place', sure: true, place: country })
    }
    if (end < b) {
      const after = segment(ctx, end + 1, b)
      // After a title, a name no list knows is a person's ("President Obama", "CEO Steve Jobs").
      parts.push(...after.map((c) => (c.kind === null || (c.kind === 'org' && !c.sure) ? { ...c, kind: 'person' as const, sure: true } : c)))
    }
    return parts
  }
  // "United States Senate", "Japan Taro Aso": a country or region at the front is a name of its own.
  for (let k = b - 1; k >= a; k--) {
    const front = placeOrDemonym(ctx, a, k)
    if (front && !(k === a && COMPASS.has(tok[a]!.text))) return [{ first: a, last: k, kind: 'place', sure: true, place: front }, ...segment(ctx, k + 1, b)]
  }
  // "Panjshir Jens Stoltenberg": a given name inside the run, before a surname, starts a person.
  for (let k = a + 1; k < b; k++) {
    if (ctx.firstNames.has(tok[k]!.text) && !tok[k]!.caps && surnameLike(ctx, b) && b - k <= 2) {
      return [...segment(ctx, a, k - 1), { first: k, last: b, kind: 'person', sure: true, place: null }]
    }
  }
  // "French", "North American": a nationality, or a compass word before one.
  const demonym = ctx.gaz.demonyms.get(key) ?? (b === a + 1 && COMPASS.has(tok[a]!.text) ? ctx.gaz.demonyms.get(lastWord) : undefined)
  if (demonym) return make('place', true, demonym)
  // Names have no acronyms in them ("Mac OS X" is no person).
  const acronymInside = tok.slice(a, b + 1).some((t) => t.caps && !INITIAL.test(t.text))
  if (b > a && b - a <= 3 && !acronymInside && ctx.firstNames.has(tok[a]!.text) && surnameLike(ctx, b)) return make('person', true)
  if (b > a && tok.slice(a, b).some((t) => INITIAL.test(t.text))) return make('person', true)
  if (b > a && PLACE_SUFFIXES.has(lastWord)) return make('place', true)
  if (personContext(ctx, a, b)) return make('person', true)
  if (entry) return make(null, false, entry)
  if (a === b && tok[a]!.caps) return make('org', false)
  return make(null, false)
}

const TITLES_LOWER = new Set([...TITLES].map((t) => t.toLowerCase()))
const SAID = new Set(['said', 'says', 'told', 'added', 'explained', 'stated', 'argued', 'warned'])
/** Offices named after whoever holds them: "the Biden administration", "the Obama presidency". */
const OFFICES = new Set(['administration', 'presidency', 'premiership', 'chancellorship'])

/** Token i is a surname naming an office ("the Biden administration"). */
function officeHolder(ctx: Context, i: number): boolean {
  const tok = ctx.tokens
  const prev = tok[i - 1]
  const next = tok[i + 1]
  return prev?.text.toLowerCase() === 'the' && next !== undefined && OFFICES.has(next.text) && next.gap === ' '
}

/**
 * A surname before the office it names, unless the text also puts the word after "the" where no
 * office follows: a group's name takes the article ("the Taliban said"), a person's does not.
 */
function leaderOfOffice(ctx: Context, a: number, b: number): boolean {
  if (a !== b || !officeHolder(ctx, a) || !surnameLike(ctx, a)) return false
  const word = ctx.tokens[a]!.text
  return !ctx.tokens.some((t, i) => i !== a && t.text === word && ctx.tokens[i - 1]?.text.toLowerCase() === 'the' && !officeHolder(ctx, i))
}

/**
 * The words around a run say it is a person: a role right before it ("defence analyst Paul
 * Nesbit", "Japan's prime minister, Taro Aso"), a role in an apposition after it ("Kaoru Yosano,
 * the minister of …"), a verb of speech next to a two- or three-word name ("said Jim Hale"), or
 * the office a surname names ("the Biden administration").
 */
function personContext(ctx: Context, a: number, b: number): boolean {
  const tok = ctx.tokens
  const prev = tok[a - 1]
  if (prev && !prev.cap && TITLES_LOWER.has(prev.text) && /^,?\s+$/.test(tok[a]!.gap)) return true
  const next = tok[b + 1]
  if (next && /^,\s+$/.test(next.gap)) {
    for (let i = b + 1; i <= b + 5 && tok[i]; i++) {
      if (i > b + 1 && !/^\s+$/.test(tok[i]!.gap)) break
      if (TITLES_LOWER.has(tok[i]!.text.toLowerCase()) && !tok[i]!.cap) return true
    }
  }
  if (b > a && b - a <= 2 && surnameLike(ctx, b) && !ctx.gaz.places.has(tok[a]!.text)) {
    if (prev && SAID.has(prev.text) && /^\s+$/.test(tok[a]!.gap)) return true
    if (next && SAID.has(next.text) && /^\s+$/.test(next.gap)) return true
  }
  return leaderOfOffice(ctx, a, b)
}

/** A place named by tokens a..b, or by the nationality adjective they spell. */
function placeOrDemonym(ctx: Context, a: number, b: number): Candidate['place'] {
  const key = spanKey(ctx, a, b)
  const entry = ctx.gaz.places.get(key)
  return entry && entry.type !== 'city' ? entry : (ctx.gaz.demonyms.get(key) ?? null)
}

/** Could end a person's name: not a word the text writes in lower case, not a country or region (towns are often surnames). */
function surnameLike(ctx: Context, i: number): boolean {
  const w = ctx.tokens[i]!.text
  const place = ctx.gaz.places.get(w)
  return !ctx.lower.has(w.toLowerCase()) && (!place || place.type === 'city') && !ctx.gaz.demonyms.has(w) && !ORG_SUFFIXES.has(w)
}
