import type { Candidate, Context } from './context'
import { spanKey } from './context'
import { ORG_SUFFIXES, PLACE_PREPOSITIONS } from './lexicon-en'
import { RU_PLACE_PREPOSITIONS } from './lexicon-ru'
import type { NamedKind } from './types'

/** A town this large is a place wherever its name stands; smaller ones need "in", "from"… before them. */
const TOWN_ALONE = 100000
/** Two capitals or more: IBM, BofA, EADS. */
const ACRONYM = /^\p{Lu}[\p{L}&]*\p{Lu}[\p{L}]*$/u

/**
 * Document-level evidence: once "John Smith" is a person, a later "Smith" is too; once "Boeing Co."
 * is an organisation, "Boeing" is. Sure candidates teach names to the others; then towns, acronyms
 * in brackets after a name, and what remains unknown is dropped.
 */
export function propagate(ctx: Context, cands: Candidate[]): Candidate[] {
  const known = new Map<string, NamedKind>()
  const learn = (key: string, kind: NamedKind): void => {
    if (!known.has(key)) known.set(key, kind)
  }
  for (const c of cands) {
    if (!c.sure || !c.kind) continue
    learn(spanKey(ctx, c.first, c.last), c.kind)
    if (c.kind === 'person' && c.last > c.first) learn(ctx.tokens[c.last]!.text, 'person')
    if (c.kind === 'org') {
      let l = c.last
      while (l > c.first && ORG_SUFFIXES.has(ctx.tokens[l]!.text)) l--
      if (l < c.last) learn(spanKey(ctx, c.first, l), 'org')
    }
  }
  for (const c of cands) {
    const acronym = bracketedAcronym(ctx, c.last)
    if (c.kind && acronym) learn(acronym, c.kind)
  }
  const out: Candidate[] = []
  for (const c of cands) {
    if (c.sure && c.kind) {
      out.push(c)
      continue
    }
    const key = spanKey(ctx, c.first, c.last)
    const learnt = known.get(key) ?? (c.last > c.first ? known.get(ctx.tokens[c.last]!.text) : undefined)
    if (learnt === 'person' || (learnt && c.first === c.last) || (learnt && known.has(key))) {
      out.push({ ...c, kind: learnt, sure: true })
      continue
    }
    if (c.place && (c.place.type !== 'city' || c.place.population >= TOWN_ALONE || placePreposition(ctx, c.first))) {
      out.push({ ...c, kind: 'place', sure: true })
      continue
    }
    // A guess on a sentence's first word rests on its capital, which the sentence gives anyway.
    if (c.kind && !(c.first === c.last && ctx.tokens[c.first]!.sentStart)) out.push(c)
  }
  return out
}

function bracketedAcronym(ctx: Context, last: number): string | null {
  const next = ctx.tokens[last + 1]
  const close = ctx.tokens[last + 2]
  if (!next || !ACRONYM.test(next.text) || !/^\s*\(\s*$/.test(next.gap)) return null
  if (close && !/^\s*\)/.test(close.gap)) return null
  return next.text
}

function placePreposition(ctx: Context, first: number): boolean {
  const prev = ctx.tokens[first - 1]
  if (!prev || !/^\s+$/.test(ctx.tokens[first]!.gap)) return false
  const w = prev.text.toLowerCase()
  return PLACE_PREPOSITIONS.has(w) || RU_PLACE_PREPOSITIONS.has(w) || (w === 'the' && PLACE_PREPOSITIONS.has(ctx.tokens[first - 2]?.text.toLowerCase() ?? ''))
}
