import type { Candidate, Context } from './context'
import { spanKey } from './context'
import {
  CALENDAR_WORDS,
  FUNCTION_WORDS,
  NOT_ORG_ACRONYMS,
  ORG_HEADS,
  ORG_SUFFIXES,
  PLACE_SUFFIXES,
  TITLES,
  TITLE_ONLY
} from './lexicon-en'

const INITIAL = /^\p{Lu}\.$/u

/** A capitalised word that cannot be part of a name: a function word, a month or day. */
function breaks(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i]!
  return t.cap && FUNCTION_WORDS.has(t.text.toLowerCase()) || CALENDAR_WORDS.has(t.text)
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
    if (i <= last && !breaks(ctx, i)) continue
    let s = a
    const t = ctx.tokens[s]
    if (t && s < i && t.sentStart && ctx.lower.has(t.text.toLowerCase()) && !listed(ctx, t.text)) s++
    if (s < i) out.push(...segment(ctx, s, i - 1))
    a = i + 1
  }
  return out
}

/** The end of a title run starting at i ("Chief Executive Officer"), or -1 when i starts none. */
function titleRun(ctx: Context, i: number, last: number): number {
  let j = i
  let core = false
  while (j <= last && TITLES.has(ctx.tokens[j]!.text)) {
    if (!TITLE_ONLY.has(ctx.tokens[j]!.text)) core = true
    j++
  }
  return core ? j - 1 : -1
}

function segment(ctx: Context, a: number, b: number): Candidate[] {
  const tok = ctx.tokens
  const key = spanKey(ctx, a, b)
  const lastWord = tok[b]!.text
  const make = (kind: Candidate['kind'], sure: boolean, place: Candidate['place'] = null): Candidate[] => [
    { first: a, last: b, kind, sure, place }
  ]
  const entry = ctx.gaz.places.get(key)
  if (entry && entry.type !== 'city') return make('place', true, entry)
  if (b > a && ORG_SUFFIXES.has(lastWord)) return make('org', true)
  if (b > a && ORG_HEADS.has(tok[a]!.text) && tok[a + 1]!.text === 'of') return make('org', true)
  for (let k = a; k <= b; k++) {
    const end = titleRun(ctx, k, b)
    if (end < 0) continue
    const parts: Candidate[] = []
    if (k > a) parts.push(...segment(ctx, a, k - 1))
    if (end < b) {
      const after = segment(ctx, end + 1, b)
      // After a title, a name no list knows is a person's ("President Obama", "CEO Steve Jobs").
      parts.push(...after.map((c) => (c.kind === null || (c.kind === 'org' && !c.sure) ? { ...c, kind: 'person' as const, sure: true } : c)))
    }
    return parts
  }
  if (a === b && ctx.gaz.demonyms.has(key)) return make('place', true, ctx.gaz.demonyms.get(key)!)
  if (b > a && !entry && ctx.firstNames.has(tok[a]!.text)) return make('person', true)
  if (b > a && tok.slice(a, b).some((t) => INITIAL.test(t.text))) return make('person', true)
  if (b > a && PLACE_SUFFIXES.has(lastWord)) return make('place', true)
  if (entry) return make(null, false, entry)
  if (a === b && tok[a]!.caps && !NOT_ORG_ACRONYMS.has(key)) return make('org', false)
  return make(null, false)
}
