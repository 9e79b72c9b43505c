import type { Token } from './tokens'
import type { Candidate, Context } from './context'
import { recallKey, spanKey } from './context'
import { ADMIN_SUFFIXES, COMPASS, ORG_SUFFIXES, PLACE_PREPOSITIONS, SUBJECT_VERBS } from './lexicon-en'
import { RU_PLACE_PREPOSITIONS } from './lexicon-ru'

type Kind = NonNullable<Candidate['kind']>

/** A town this large is a place wherever its name stands; smaller ones need "in", "from"… before them. */
export const TOWN_ALONE = 100000
/** Two capitals or more: IBM, BofA, EADS. */
const ACRONYM = /^\p{Lu}[\p{L}&]*\p{Lu}[\p{L}]*$/u

/**
 * Document-level evidence: once "John Smith" is a person, a later "Smith" is too; once "Boeing Co."
 * is an organisation, "Boeing" is; an acronym in brackets after a name is that name. Then towns
 * (big ones anywhere, small ones after "in", "from"…). A name still unexplained inside a sentence is
 * taken for an organisation: people are introduced by given name or title, places are in the
 * gazetteer, and news names companies bare ("Boeing", "Ryanair"). An unexplained capital at a
 * sentence start is dropped unless the same name is known from elsewhere in the text.
 */
export function propagate(ctx: Context, cands: Candidate[]): Candidate[] {
  const known = new Map<string, Kind>()
  const learn = (key: string, kind: Kind): void => {
    if (!known.has(key)) known.set(key, kind)
  }
  for (const c of cands) if (c.sure && c.kind) teach(ctx, c, c.kind, learn)
  for (const c of cands) {
    const acronym = bracketedAcronym(ctx, c.last)
    if (c.kind && c.sure && acronym) learn(acronym, c.kind)
  }

  const decided: (Candidate | null)[] = cands.map((c) => {
    if (c.sure && c.kind) return c
    const kind = recall(ctx, c, known)
    if (kind) return { ...c, kind, sure: true }
    if (c.place && (c.place.type !== 'city' || c.place.population >= TOWN_ALONE || placePreposition(ctx, c.first))) {
      return { ...c, kind: 'place', sure: true }
    }
    return null
  })
  // A name the text places once ("fighting in Jadid", "the Jadid valley") is a place wherever the
  // same text names it bare ("Jadid's elders"): one sense per document, not per sentence.
  const placed = new Set<string>()
  cands.forEach((c, i) => {
    if (!decided[i] && !c.kind && (placeContext(ctx, c) || placeOnlyPreposition(ctx, c.first))) placed.add(recallKey(ctx, c.first, c.last))
  })
  // Second round: inside-sentence names still unexplained become organisations and teach the rest.
  cands.forEach((c, i) => {
    if (decided[i] || initialOnly(ctx, c) || commonWord(ctx, c)) return
    // A small town's name with nothing else said of it is still more likely the town; so is a name
    // the words around call a place ("near Jadid", "the district of Jadid", "the Panjshir valley").
    const kind: Kind = c.kind ?? (c.place || placeContext(ctx, c) || placed.has(recallKey(ctx, c.first, c.last)) ? 'place' : 'org')
    decided[i] = c.kind === null && kind === 'org' ? { ...c, kind, sure: true, guessed: true } : { ...c, kind, sure: true }
    teach(ctx, c, kind, learn)
  })
  cands.forEach((c, i) => {
    if (decided[i]) return
    const kind = recall(ctx, c, known)
    if (kind) decided[i] = { ...c, kind, sure: true }
  })
  return decided.filter((c): c is Candidate => !!c && c.kind !== 'none')
}

function teach(ctx: Context, c: Candidate, kind: Kind, learn: (key: string, kind: Kind) => void): void {
  learn(recallKey(ctx, c.first, c.last), kind)
  if (kind === 'person' && c.last > c.first) learn(recallKey(ctx, c.last, c.last), 'person')
  if (kind === 'org') {
    let l = c.last
    while (l > c.first && ORG_SUFFIXES.has(ctx.tokens[l]!.text)) l--
    const base = spanKey(ctx, c.first, l)
    // "Boeing Co." teaches "Boeing"; "Air Force" teaches nothing ("Air" is itself a generic word).
    const place = ctx.gaz.places.get(base)
    // A town may give a company its name (Toyota); a country or region's name stays the place's.
    if (l < c.last && !ORG_SUFFIXES.has(base) && (!place || place.type === 'city') && !ctx.gaz.demonyms.has(base) && !ctx.lower.has(base.toLowerCase())) {
      learn(recallKey(ctx, c.first, l), 'org')
    }
  }
  if (kind === 'place') {
    // "Parwan Province" teaches "Parwan": the text names the province bare too ("Panjshir, Parwan and Kapisa").
    let l = c.last
    while (l > c.first && ADMIN_SUFFIXES.has(ctx.tokens[l]!.text)) l--
    const base = spanKey(ctx, c.first, l)
    // "Northern Region", "Central Province": a compass word or an adjective names no place alone.
    const generic = ADMIN_SUFFIXES.has(base) || COMPASS.has(base) || adjectival(base) || ctx.gaz.demonyms.has(base) || ctx.lower.has(base.toLowerCase())
    if (l < c.last && !generic) learn(recallKey(ctx, c.first, l), 'place')
  }
}

function recall(ctx: Context, c: Candidate, known: Map<string, Kind>): Kind | undefined {
  const exact = known.get(recallKey(ctx, c.first, c.last))
  if (exact) return exact
  // "Mr Smith" style runs ending in a known surname; "Boeing Commercial Airplanes" starting with a known organisation.
  if (c.last > c.first && known.get(recallKey(ctx, c.last, c.last)) === 'person') return 'person'
  if (c.last > c.first && known.get(recallKey(ctx, c.first, c.first)) === 'org') return 'org'
  return undefined
}

/**
 * One word the text also writes in lower case ("Repair", "White"), or one before a number
 * ("Chapter 11", "Flight 447"): a heading, a label or a model, not a company.
 */
function commonWord(ctx: Context, c: Candidate): boolean {
  if (c.first !== c.last || c.kind) return false
  const t = ctx.tokens[c.first]!
  const next = ctx.tokens[c.first + 1]
  return (
    ctx.lower.has(t.text.toLowerCase()) ||
    (!!next && /^\s+$/.test(next.gap) && /^\p{N}/u.test(next.text)) ||
    adjectiveBeforeNoun(t.text, next)
  )
}

/**
 * A capitalised adjective before the word it qualifies ("a new Islamic regime", "Western forces",
 * "Anti-Taliban fighters"): by its ending or its prefix, with a lower-case word right after it
 * that is not a verb a name commonly takes ("Mosaic rose").
 */
function adjectiveBeforeNoun(word: string, next: Token | undefined): boolean {
  if (!next || next.gap !== ' ' || next.cap || !/^\p{Ll}/u.test(next.text) || SUBJECT_VERBS.has(next.text)) return false
  return adjectival(word)
}

/** A capitalised word shaped as an adjective, by its ending or its prefix ("Islamic", "Western", "Anti-Taliban"). */
function adjectival(word: string): boolean {
  return /^(?:Anti|Pro|Non|Post|Pre)-\p{Lu}/u.test(word) || /\p{Ll}(?:ic|ist|ern)$/u.test(word)
}

/** One word at a sentence start, whose capital the sentence explains. */
function initialOnly(ctx: Context, c: Candidate): boolean {
  return c.first === c.last && ctx.tokens[c.first]!.sentStart
}

function bracketedAcronym(ctx: Context, last: number): string | null {
  const next = ctx.tokens[last + 1]
  const close = ctx.tokens[last + 2]
  if (!next || !ACRONYM.test(next.text) || !/^\s*\(\s*$/.test(next.gap)) return null
  if (close && !/^\s*\)/.test(close.gap)) return null
  return next.text
}

/** Common nouns of places: "the district of X", "the X valley". */
const PLACE_NOUNS = new Set(['district', 'province', 'region', 'city', 'town', 'village', 'county', 'state', 'valley', 'river', 'island', 'islands', 'mountains', 'border', 'capital', 'port', 'suburb', 'neighbourhood', 'neighborhood', 'area', 'governorate', 'prefecture'])

function placeContext(ctx: Context, c: Candidate): boolean {
  const t = ctx.tokens
  const before = t[c.first - 1]
  const beforeOf = t[c.first - 2]
  if (before && /^\s+$/.test(t[c.first]!.gap)) {
    if (before.text === 'near') return true
    if (before.text === 'of' && beforeOf && PLACE_NOUNS.has(beforeOf.text) && /^\s+$/.test(before.gap)) return true
  }
  const after = t[c.last + 1]
  return !!after && !after.cap && /^\s+$/.test(after.gap) && PLACE_NOUNS.has(after.text) && after.text !== 'state'
}

function placePreposition(ctx: Context, first: number): boolean {
  const prev = ctx.tokens[first - 1]
  if (!prev || !/^\s+$/.test(ctx.tokens[first]!.gap)) return false
  const w = prev.text.toLowerCase()
  return PLACE_PREPOSITIONS.has(w) || RU_PLACE_PREPOSITIONS.has(w) || (w === 'the' && PLACE_PREPOSITIONS.has(ctx.tokens[first - 2]?.text.toLowerCase() ?? ''))
}

/**
 * Prepositions that put a name the gazetteer lacks on a map: "in Andarab", "into the valley".
 * "to", "at", "from" and "between" are left out: news sends things to, and quotes people at and
 * from, companies and agencies as often as towns.
 */
const LOCATING = new Set(['in', 'into', 'near', 'outside', 'inside', 'across', 'throughout', 'within', 'около', 'возле', 'близ'])

/** Nouns after which "in" names what is owned, not where: "a stake in X", "shareholders in X". */
const OWNING = new Set(['stake', 'stakes', 'share', 'shares', 'shareholder', 'shareholders', 'holding', 'holdings', 'interest', 'investment', 'investments', 'investor', 'investors', 'equity'])

function placeOnlyPreposition(ctx: Context, first: number): boolean {
  const t = ctx.tokens
  const prev = t[first - 1]
  if (!prev || !/^\s+$/.test(t[first]!.gap) || !LOCATING.has(prev.text.toLowerCase())) return false
  return !OWNING.has(t[first - 2]?.text.toLowerCase() ?? '')
}
